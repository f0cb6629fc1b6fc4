package org.otklik.sla;

/** The default policies and calendars, as tests use them. */
final class SlaSamples {

	static final SlaPolicyMatcher POLICIES = new SlaPolicyMatcher(SlaPolicyYaml.defaults());

	static final SlaEngine ENGINE = new SlaEngine(ProductionCalendarRegistry.withBuiltInYears(), SlaProperties.defaults());

	private SlaSamples() {
	}

	static SlaPolicy social() {
		return POLICIES.require("VK", false, "HOUSING_UTILITIES");
	}

	static SlaPolicy urgent() {
		return POLICIES.require("TELEGRAM", true, "ENERGY");
	}

	static SlaPolicy gosuslugi() {
		return POLICIES.require("GOSUSLUGI", false, "EDUCATION");
	}

	static SlaPolicy formal() {
		return POLICIES.require("EMAIL", false, "SOCIAL_PROTECTION");
	}

}
