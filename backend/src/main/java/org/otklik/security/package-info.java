/**
 * Tokens, callers and their roles; the WebSocket handshake.
 */
@NullMarked
package org.otklik.security;

import org.jspecify.annotations.NullMarked;
