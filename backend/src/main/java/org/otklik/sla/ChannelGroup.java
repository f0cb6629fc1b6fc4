package org.otklik.sla;

import java.util.List;
import java.util.Optional;

/**
 * Channels that share deadline rules: public social-media posts, the Gosuslugi platform and formal
 * appeals under 59-ФЗ. Channels are named by the constants of {@code org.otklik.appeal.Channel}; they are
 * taken as strings so this package does not depend on the appeal package.
 */
public enum ChannelGroup {

	/** Public posts and messages in VK, Telegram, Odnoklassniki and MAX; answered publicly, measured in hours. */
	SOCIAL(List.of("VK", "TELEGRAM", "OK", "MAX")),

	/** The Gosuslugi feedback platform (ПОС). */
	GOSUSLUGI(List.of("GOSUSLUGI")),

	/** E-mail, phone and other formal appeals, which 59-ФЗ governs. */
	FORMAL(List.of("EMAIL", "PHONE", "OTHER"));

	private final List<String> channels;

	ChannelGroup(List<String> channels) {
		this.channels = channels;
	}

	/** Names of the channels in this group. */
	public List<String> channels() {
		return this.channels;
	}

	/** The group of a channel given by name ({@code Channel.name()}); empty for an unknown name. */
	public static Optional<ChannelGroup> ofChannel(String channel) {
		for (ChannelGroup group : values()) {
			if (group.channels.contains(channel)) {
				return Optional.of(group);
			}
		}
		return Optional.empty();
	}

}
