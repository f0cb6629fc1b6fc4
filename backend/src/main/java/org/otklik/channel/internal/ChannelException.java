package org.otklik.channel.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** A failed call to a channel, classified by what to do about it. */
public final class ChannelException extends RuntimeException {

	/** What the failure means for the next attempt. */
	public enum Kind {

		/** Try again later (network, 5xx, timeouts). */
		TRANSIENT,
		/** The channel asked us to slow down, possibly saying for how long. */
		RATE_LIMITED,
		/** The account no longer works (revoked token, bot removed): stop until a curator fixes it. */
		PERMANENT,
		/** This message can never be sent (no such chat, text refused): give it up. */
		REJECTED

	}

	private final Kind kind;

	private final @Nullable Duration retryAfter;

	public ChannelException(Kind kind, String message, @Nullable Duration retryAfter) {
		super(message, null, false, false);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	public static ChannelException transientFailure(String message) {
		return new ChannelException(Kind.TRANSIENT, message, null);
	}

	public static ChannelException permanent(String message) {
		return new ChannelException(Kind.PERMANENT, message, null);
	}

	public static ChannelException rejected(String message) {
		return new ChannelException(Kind.REJECTED, message, null);
	}

	public static ChannelException rateLimited(String message, @Nullable Duration retryAfter) {
		return new ChannelException(Kind.RATE_LIMITED, message, retryAfter);
	}

	public Kind kind() {
		return this.kind;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
