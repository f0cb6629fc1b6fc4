package org.otklik.quality;

import java.util.EnumSet;
import java.util.Set;

/** One shared coach for rule tests: compiling the dictionaries once keeps the tests fast. */
final class Coach {

	static final QualityService SERVICE = new QualityService(QualityProperties.defaults());

	private Coach() {
	}

	static Set<QualityRule> rules(String answer) {
		return rules(answer, null);
	}

	static Set<QualityRule> rules(String answer, String appeal) {
		Set<QualityRule> rules = EnumSet.noneOf(QualityRule.class);
		SERVICE.check(answer, appeal).findings().forEach((finding) -> rules.add(finding.rule()));
		return rules;
	}

}
