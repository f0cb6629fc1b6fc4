package org.otklik.quality.internal;

import java.util.HashMap;
import java.util.Map;

/** Numeric settings of a rule file ({@code [settings]}: {@code name ; value}). */
final class Settings {

	private final String file;

	private final Map<String, Double> values = new HashMap<>();

	Settings(RuleFile ruleFile) {
		this.file = ruleFile.name();
		for (RuleFile.Line line : ruleFile.lines("settings")) {
			this.values.put(line.text(), line.weight());
		}
	}

	double get(String name) {
		Double value = this.values.get(name);
		if (value == null) {
			throw new IllegalStateException(this.file + ": missing setting «" + name + "» in [settings]");
		}
		return value;
	}

	int getInt(String name) {
		return (int) Math.round(get(name));
	}

}
