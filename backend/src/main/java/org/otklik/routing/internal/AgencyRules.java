package org.otklik.routing.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * Which agency a suggestion names, from category and municipality: the region's table of who answers
 * what (municipal administration or ministry), parsed from editable text ({@code routing/agency-rules.txt}
 * seeded into the database), not code.
 */
public final class AgencyRules {

	/** The agency chosen and the rule that chose it. */
	public record Decision(@Nullable String agencyCode, String rule) {
	}

	private record Rule(Category category, String where, String agency, String line) {
	}

	private final Map<Municipality, String> administrations;

	private final List<Rule> rules;

	private final String text;

	private AgencyRules(Map<Municipality, String> administrations, List<Rule> rules, String text) {
		this.administrations = administrations;
		this.rules = rules;
		this.text = text;
	}

	/** The shipped rules. */
	public static String shippedText() {
		return String.join("\n", CategoryClassifier.resourceLines("/routing/agency-rules.txt"));
	}

	/** Parses the rules; fails with the offending line when one is malformed. */
	public static AgencyRules parse(String text) {
		Map<Municipality, String> administrations = new EnumMap<>(Municipality.class);
		List<Rule> rules = new ArrayList<>();
		for (String raw : text.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\\|");
			try {
				if (f[0].equals("ADMIN") && f.length == 3) {
					administrations.put(Municipality.valueOf(f[1].strip()), f[2].strip());
				}
				else if (f[0].equals("RULE") && f.length == 4) {
					String where = f[2].strip();
					if (!where.equals("*") && !where.equals("named")) {
						Municipality.valueOf(where);
					}
					rules.add(new Rule(Category.valueOf(f[1].strip()), where, f[3].strip(), line));
				}
				else {
					throw new IllegalArgumentException("Malformed agency rule: " + line);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Malformed agency rule: " + line, ex);
			}
		}
		return new AgencyRules(administrations, rules, text);
	}

	public String text() {
		return this.text;
	}

	/** The first rule that matches decides; no rule means no agency (the ЦУР decides). */
	public Decision decide(Category category, @Nullable Municipality municipality) {
		for (Rule rule : this.rules) {
			if (rule.category() != category) {
				continue;
			}
			boolean matches = rule.where().equals("*") || (municipality != null
					&& (rule.where().equals("named") || rule.where().equals(municipality.name())));
			if (!matches) {
				continue;
			}
			if (rule.agency().equals("-")) {
				return new Decision(null, rule.line());
			}
			if (rule.agency().equals("ADMIN")) {
				String admin = (municipality != null) ? this.administrations.get(municipality) : null;
				if (admin == null) {
					continue;
				}
				return new Decision(admin, rule.line());
			}
			return new Decision(rule.agency(), rule.line());
		}
		return new Decision(null, "no rule");
	}

}
