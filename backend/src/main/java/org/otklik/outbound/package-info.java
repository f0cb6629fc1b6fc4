/**
 * What the senders of queued outbound HTTP requests (web push notices, webhook deliveries) share: their own
 * reactive HTTP client, a restartable wake-up stream and sweep, and the doubling backoff between attempts.
 */
@NullMarked
package org.otklik.outbound;

import org.jspecify.annotations.NullMarked;
