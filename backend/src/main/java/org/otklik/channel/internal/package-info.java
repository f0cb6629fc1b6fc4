/** The channel module's adapters, API clients, inbox, outbox and secret box; private to it. */
@NullMarked
package org.otklik.channel.internal;

import org.jspecify.annotations.NullMarked;
