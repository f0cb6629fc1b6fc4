package org.otklik.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/** Reads SLA policies from YAML; the defaults in {@code sla/default-policies.yml} seed the database. */
public final class SlaPolicyYaml {

	public static final String DEFAULTS = "sla/default-policies.yml";

	private SlaPolicyYaml() {
	}

	/** The policies shipped with the application. */
	public static List<SlaPolicy> defaults() {
		try (InputStream in = new ClassPathResource(DEFAULTS).getInputStream()) {
			return fromMap(YamlValues.load(in, DEFAULTS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
	}

	public static List<SlaPolicy> parse(Reader reader) {
		return fromMap(YamlValues.load(reader));
	}

	static List<SlaPolicy> fromMap(Map<String, Object> root) {
		List<SlaPolicy> policies = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (Object item : YamlValues.list(root, "policies")) {
			Map<String, Object> p = YamlValues.map(item, "policy");
			Integer priority = YamlValues.integer(p, "priority", false);
			SlaPolicy policy = new SlaPolicy(YamlValues.string(p, "code", true), YamlValues.string(p, "name", true),
					YamlValues.enumValue(p, "channelGroup", ChannelGroup.class, false), YamlValues.bool(p, "urgent"),
					YamlValues.string(p, "category", false), (priority != null) ? priority : 0,
					target(p, "firstResponse", true), target(p, "finalAnswer", true),
					YamlValues.enumValue(p, "calendar", SlaCalendarKind.class, true), target(p, "extension", false));
			if (!codes.add(policy.code())) {
				throw new IllegalArgumentException("Policy code " + policy.code() + " is used twice");
			}
			policies.add(policy);
		}
		return policies;
	}

	private static SlaTarget target(Map<String, Object> policy, String key, boolean required) {
		Object value = policy.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(key + " is required in policy " + policy.get("code"));
			}
			return null;
		}
		Map<String, Object> target = YamlValues.map(value, key);
		return new SlaTarget(YamlValues.integer(target, "amount", true),
				YamlValues.enumValue(target, "unit", SlaTimeUnit.class, true));
	}

}
