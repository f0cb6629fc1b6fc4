package org.otklik.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Small typed accessors over SnakeYAML's maps, so the SLA data files stay free of binding annotations. */
final class YamlValues {

	private YamlValues() {
	}

	static Map<String, Object> load(Reader reader) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		return map(root, "document");
	}

	static Map<String, Object> load(InputStream in, String what) {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + what, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value, String field) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalArgumentException(field + ": expected a mapping but got " + value);
	}

	static List<?> list(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		throw new IllegalArgumentException(key + ": expected a list but got " + value);
	}

	static String string(Map<String, Object> map, String key, boolean required) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(key + " is required in " + map);
			}
			return null;
		}
		return value.toString();
	}

	static Integer integer(Map<String, Object> map, String key, boolean required) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(key + " is required in " + map);
			}
			return null;
		}
		if (value instanceof Number n) {
			return n.intValue();
		}
		throw new IllegalArgumentException(key + ": expected an integer but got " + value);
	}

	static Boolean bool(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		throw new IllegalArgumentException(key + ": expected true or false but got " + value);
	}

	static LocalDate date(Map<String, Object> map, String key, boolean required) {
		Object value = map.get(key);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(key + " is required in " + map);
			}
			return null;
		}
		// SnakeYAML turns an unquoted 2026-01-09 into a java.util.Date at UTC midnight.
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		return LocalDate.parse(value.toString());
	}

	static <E extends Enum<E>> E enumValue(Map<String, Object> map, String key, Class<E> type, boolean required) {
		String value = string(map, key, required);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(key + ": unknown " + type.getSimpleName() + " " + value, ex);
		}
	}

}
