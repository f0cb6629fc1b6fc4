package org.otklik.channel;

/** How events of an account reach Otklik. */
public enum ChannelMode {

	/** The channel calls Otklik's public HTTPS address. */
	WEBHOOK,
	/** Otklik asks the channel for new events (a ЦУР without a public HTTPS address). */
	LONG_POLL

}
