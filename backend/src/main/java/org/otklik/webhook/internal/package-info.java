/** The webhook feature's dispatcher (an event consumer), sender, signature and stored deliveries. */
@NullMarked
package org.otklik.webhook.internal;

import org.jspecify.annotations.NullMarked;
