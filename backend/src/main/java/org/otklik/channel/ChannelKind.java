package org.otklik.channel;

import org.otklik.appeal.Channel;

/** The channels Otklik connects to; each maps to the appeal's {@link Channel}. */
public enum ChannelKind {

	VK, TELEGRAM, MAX, OK;

	public Channel channel() {
		return switch (this) {
			case VK -> Channel.VK;
			case TELEGRAM -> Channel.TELEGRAM;
			case MAX -> Channel.MAX;
			case OK -> Channel.OK;
		};
	}

	/** The path segment of the account's webhook, e.g. {@code vk} in {@code /channels/vk/{id}}. */
	public String path() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
