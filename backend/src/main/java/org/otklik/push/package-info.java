/**
 * Web Push (RFC 8030/8291/8292): staff register their browsers' push subscriptions, and notices about
 * appeals (a new appeal for the agency, deadlines at risk or breached, an answer returned or waiting for
 * review, a broken channel account) reach those devices once across instances, without personal data.
 */
@NullMarked
package org.otklik.push;

import org.jspecify.annotations.NullMarked;
