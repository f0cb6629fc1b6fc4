/**
 * Channels: appeals come in from VK, Telegram, MAX and Odnoklassniki, and published answers go back
 * there as replies from the official account.
 */
@NullMarked
package org.otklik.channel;

import org.jspecify.annotations.NullMarked;
