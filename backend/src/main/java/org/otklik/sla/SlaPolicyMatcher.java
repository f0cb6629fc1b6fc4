package org.otklik.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the policy for an appeal: among the matching policies the highest {@link SlaPolicy#priority()},
 * then the most specific ({@link SlaPolicy#specificity()}), then the smallest code, so the choice never depends on storage order.
 * Priority comes first so that «urgent» can win over a more specific but slower policy.
 */
public final class SlaPolicyMatcher {

	private static final Comparator<SlaPolicy> PREFERENCE = Comparator.comparingInt(SlaPolicy::priority)
		.thenComparingInt(SlaPolicy::specificity)
		.reversed()
		.thenComparing(SlaPolicy::code);

	private final List<SlaPolicy> policies;

	public SlaPolicyMatcher(List<SlaPolicy> policies) {
		this.policies = policies.stream().sorted(PREFERENCE).toList();
	}

	public List<SlaPolicy> policies() {
		return this.policies;
	}

	/**
	 * The policy for an appeal.
	 * @param channel the channel's name ({@code Channel.name()})
	 * @param urgent whether the appeal is urgent
	 * @param category the category's name, or {@code null} when unknown
	 */
	public Optional<SlaPolicy> match(String channel, boolean urgent, String category) {
		for (SlaPolicy policy : this.policies) {
			if (policy.matches(channel, urgent, category)) {
				return Optional.of(policy);
			}
		}
		return Optional.empty();
	}

	/** Like {@link #match} but fails when nothing matches, which means the policy set has a gap. */
	public SlaPolicy require(String channel, boolean urgent, String category) {
		return match(channel, urgent, category).orElseThrow(() -> new IllegalStateException(
				"No SLA policy for channel " + channel + ", urgent " + urgent + ", category " + category));
	}

}
