package org.otklik.sla;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Deadlines for a class of appeals, kept as data so that the region can change them without a release.
 * {@link SlaPolicyMatcher} picks the policy for an appeal; {@code null} criteria match anything.
 *
 * @param code stable identifier, for example {@code SOCIAL}
 * @param name Russian name shown to curators
 * @param channelGroup channels it applies to; {@code null} for any channel
 * @param urgent {@code true} or {@code false} to apply only to urgent or non-urgent appeals; {@code null} for both
 * @param category a category name ({@code org.otklik.appeal.Category} constant); {@code null} for any
 * @param priority decides between matching policies before specificity; higher wins
 * @param firstResponse term for the first reaction («принято в работу» or an answer)
 * @param finalAnswer term for the approved final answer
 * @param calendar the clock that business-unit targets run on
 * @param extension how much the final-answer term may be extended once, with a reason; {@code null} for never
 */
public record SlaPolicy(String code, String name, ChannelGroup channelGroup, Boolean urgent, String category,
		int priority, SlaTarget firstResponse, SlaTarget finalAnswer, SlaCalendarKind calendar, SlaTarget extension) {

	/** Category names of {@code org.otklik.appeal.Category}, so a misspelt policy fails loudly instead of never matching. */
	public static final Set<String> CATEGORIES = Set.of("HEALTHCARE", "EDUCATION", "HOUSING_UTILITIES", "CULTURE",
			"ENERGY", "ROADS_TRANSPORT", "SOCIAL_PROTECTION", "ENVIRONMENT", "OTHER");

	public SlaPolicy {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("A policy needs a code");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Policy " + code + " needs a name");
		}
		if (category != null && !CATEGORIES.contains(category)) {
			throw new IllegalArgumentException("Policy " + code + " has unknown category " + category);
		}
		Objects.requireNonNull(firstResponse, "firstResponse");
		Objects.requireNonNull(finalAnswer, "finalAnswer");
		Objects.requireNonNull(calendar, "calendar");
	}

	/** Whether an appeal with these properties falls under this policy. */
	public boolean matches(String channel, boolean urgent, String category) {
		return (this.channelGroup == null || this.channelGroup.channels().contains(channel))
				&& (this.urgent == null || this.urgent == urgent)
				&& (this.category == null || this.category.equals(category));
	}

	/**
	 * How narrow the policy is; among equal priorities the most specific wins. A fixed category outweighs
	 * a channel group, which outweighs the urgency flag, as each narrows the appeals more than the next
	 * (nine categories, three groups, two flags).
	 */
	public int specificity() {
		return (this.category != null ? 4 : 0) + (this.channelGroup != null ? 2 : 0) + (this.urgent != null ? 1 : 0);
	}

	/** Names of the channels it applies to: its group's, or every channel when no group is set. */
	public List<String> channels() {
		if (this.channelGroup != null) {
			return this.channelGroup.channels();
		}
		return Arrays.stream(ChannelGroup.values()).flatMap((group) -> group.channels().stream()).toList();
	}

	public boolean extensionAllowed() {
		return this.extension != null;
	}

}
