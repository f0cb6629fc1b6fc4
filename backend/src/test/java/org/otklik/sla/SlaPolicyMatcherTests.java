package org.otklik.sla;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SlaPolicyMatcherTests {

	private final SlaPolicyMatcher defaults = new SlaPolicyMatcher(SlaPolicyYaml.defaults());

	@Test
	void defaultPoliciesHaveTheAgreedTerms() {
		assertThat(SlaPolicyYaml.defaults()).extracting(SlaPolicy::code)
			.containsExactly("URGENT", "SOCIAL", "GOSUSLUGI", "FORMAL");
		SlaPolicy social = policy("SOCIAL");
		assertThat(social.firstResponse()).isEqualTo(SlaTarget.of(8, SlaTimeUnit.BUSINESS_HOURS));
		assertThat(social.finalAnswer()).isEqualTo(SlaTarget.of(5, SlaTimeUnit.WORKING_DAYS));
		SlaPolicy urgent = policy("URGENT");
		assertThat(urgent.calendar()).isEqualTo(SlaCalendarKind.ROUND_THE_CLOCK);
		assertThat(urgent.firstResponse()).isEqualTo(SlaTarget.of(1, SlaTimeUnit.CALENDAR_HOURS));
		assertThat(urgent.finalAnswer()).isEqualTo(SlaTarget.of(24, SlaTimeUnit.CALENDAR_HOURS));
		SlaPolicy gosuslugi = policy("GOSUSLUGI");
		assertThat(gosuslugi.firstResponse()).isEqualTo(SlaTarget.of(1, SlaTimeUnit.WORKING_DAYS));
		assertThat(gosuslugi.finalAnswer()).isEqualTo(SlaTarget.of(5, SlaTimeUnit.WORKING_DAYS));
		SlaPolicy formal = policy("FORMAL");
		assertThat(formal.firstResponse()).isEqualTo(SlaTarget.of(3, SlaTimeUnit.WORKING_DAYS));
		assertThat(formal.finalAnswer()).isEqualTo(SlaTarget.of(30, SlaTimeUnit.CALENDAR_DAYS));
		assertThat(formal.extension()).isEqualTo(SlaTarget.of(30, SlaTimeUnit.CALENDAR_DAYS));
		assertThat(social.extensionAllowed()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "VK, false, SOCIAL", "TELEGRAM, false, SOCIAL", "OK, false, SOCIAL", "MAX, false, SOCIAL",
			"GOSUSLUGI, false, GOSUSLUGI", "EMAIL, false, FORMAL", "PHONE, false, FORMAL", "OTHER, false, FORMAL",
			"VK, true, URGENT", "GOSUSLUGI, true, URGENT", "EMAIL, true, URGENT" })
	void everyChannelGetsItsDefaultPolicy(String channel, boolean urgent, String expected) {
		assertThat(this.defaults.require(channel, urgent, "HOUSING_UTILITIES").code()).isEqualTo(expected);
	}

	@Test
	void moreSpecificPolicyWinsAtEqualPriority() {
		List<SlaPolicy> policies = new ArrayList<>(SlaPolicyYaml.defaults());
		policies.add(new SlaPolicy("SOCIAL_HEALTHCARE", "Здравоохранение в соцсетях", ChannelGroup.SOCIAL, false,
				"HEALTHCARE", 0, SlaTarget.of(4, SlaTimeUnit.BUSINESS_HOURS), SlaTarget.of(3, SlaTimeUnit.WORKING_DAYS),
				SlaCalendarKind.BUSINESS, null));
		SlaPolicyMatcher matcher = new SlaPolicyMatcher(policies);
		assertThat(matcher.require("VK", false, "HEALTHCARE").code()).isEqualTo("SOCIAL_HEALTHCARE");
		assertThat(matcher.require("VK", false, "CULTURE").code()).isEqualTo("SOCIAL");
		assertThat(matcher.require("VK", false, null).code()).isEqualTo("SOCIAL");
	}

	@Test
	void urgentWinsByPriorityOverAMoreSpecificPolicy() {
		List<SlaPolicy> policies = new ArrayList<>(SlaPolicyYaml.defaults());
		// Matches urgent and non-urgent VK healthcare appeals alike and is more specific than URGENT.
		policies.add(new SlaPolicy("SOCIAL_HEALTHCARE", "Здравоохранение в соцсетях", ChannelGroup.SOCIAL, null,
				"HEALTHCARE", 0, SlaTarget.of(4, SlaTimeUnit.BUSINESS_HOURS), SlaTarget.of(3, SlaTimeUnit.WORKING_DAYS),
				SlaCalendarKind.BUSINESS, null));
		SlaPolicyMatcher matcher = new SlaPolicyMatcher(policies);
		assertThat(matcher.require("VK", true, "HEALTHCARE").code()).isEqualTo("URGENT");
		assertThat(matcher.require("VK", false, "HEALTHCARE").code()).isEqualTo("SOCIAL_HEALTHCARE");
	}

	@Test
	void choiceDoesNotDependOnOrder() {
		List<SlaPolicy> reversed = new ArrayList<>(SlaPolicyYaml.defaults());
		Collections.reverse(reversed);
		assertThat(new SlaPolicyMatcher(reversed).policies()).isEqualTo(this.defaults.policies());
	}

	@Test
	void unknownChannelHasNoPolicy() {
		assertThat(this.defaults.match("FAX", false, null)).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> this.defaults.require("FAX", false, null));
		assertThat(ChannelGroup.ofChannel("FAX")).isEmpty();
		assertThat(ChannelGroup.ofChannel("MAX")).contains(ChannelGroup.SOCIAL);
	}

	@Test
	void misspeltCategoryOrDuplicateCodeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SlaPolicyYaml.parse(new StringReader("""
				policies:
				  - { code: A, name: "А", category: HEALTH, calendar: BUSINESS,
				      firstResponse: { amount: 1, unit: WORKING_DAYS }, finalAnswer: { amount: 5, unit: WORKING_DAYS } }
				"""))).withMessageContaining("HEALTH");
		assertThatIllegalArgumentException().isThrownBy(() -> SlaPolicyYaml.parse(new StringReader("""
				policies:
				  - { code: A, name: "А", calendar: BUSINESS,
				      firstResponse: { amount: 1, unit: WORKING_DAYS }, finalAnswer: { amount: 5, unit: WORKING_DAYS } }
				  - { code: A, name: "Б", calendar: BUSINESS,
				      firstResponse: { amount: 1, unit: WORKING_DAYS }, finalAnswer: { amount: 5, unit: WORKING_DAYS } }
				"""))).withMessageContaining("twice");
		assertThatIllegalArgumentException().isThrownBy(() -> SlaTarget.of(0, SlaTimeUnit.WORKING_DAYS));
	}

	private static SlaPolicy policy(String code) {
		return SlaPolicyYaml.defaults().stream().filter((p) -> p.code().equals(code)).findFirst().orElseThrow();
	}

}
