/**
 * GraphQL subscriptions over the appeal event stream.
 */
@NullMarked
package org.otklik.live;

import org.jspecify.annotations.NullMarked;
