/**
 * Internal notes on an appeal: what staff tell each other about it (a call made, a document awaited).
 * Kept apart from the appeal's document, so they are never published, sent to a channel, a webhook or a
 * report, which all read the appeal.
 */
@NullMarked
package org.otklik.note;

import org.jspecify.annotations.NullMarked;
