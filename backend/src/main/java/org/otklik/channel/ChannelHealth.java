package org.otklik.channel;

/** Whether an account works, as its last calls showed. */
public enum ChannelHealth {

	/** Events arrive and replies are accepted. */
	OK,
	/** Temporary failures (the channel is slow or limits us); retried. */
	DEGRADED,
	/** A permanent failure (revoked token, bot removed): nothing is sent until a curator fixes it. */
	BROKEN

}
