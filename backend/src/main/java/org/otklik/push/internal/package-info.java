/** Storage, VAPID keys, the event consumer and the sender of the push feature. */
@NullMarked
package org.otklik.push.internal;

import org.jspecify.annotations.NullMarked;
