/**
 * Signed webhooks: integrators register an HTTPS endpoint and the appeal event types they want, and each
 * event about an appeal they may see is posted to it, signed, retried with backoff for a day.
 */
@NullMarked
package org.otklik.webhook;

import org.jspecify.annotations.NullMarked;
