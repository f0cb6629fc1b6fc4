/**
 * Internals of incident grouping: text features, the store and the event-stream consumer.
 */
@NullMarked
package org.otklik.incident.internal;

import org.jspecify.annotations.NullMarked;
