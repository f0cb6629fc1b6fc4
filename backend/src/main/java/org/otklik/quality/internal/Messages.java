package org.otklik.quality.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.otklik.quality.QualityFinding;
import org.otklik.quality.QualityRule;

/** Russian texts of findings from {@code quality/messages.properties}, so wording is edited without Java. */
public final class Messages {

	private final Properties properties = new Properties();

	public Messages(String resource) {
		InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Quality messages not found on the classpath: " + resource);
		}
		try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			this.properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Fails at startup when a key the rules use is missing. */
	public void require(String key) {
		text(key + ".message");
		text(key + ".suggestion");
	}

	public QualityFinding finding(QualityRule rule, String key, Integer start, Integer end, String argument) {
		String message = text(key + ".message");
		String suggestion = text(key + ".suggestion");
		if (argument != null) {
			message = message.replace("{0}", argument);
			suggestion = suggestion.replace("{0}", argument);
		}
		return new QualityFinding(rule, message, start, end, suggestion);
	}

	private String text(String key) {
		String value = this.properties.getProperty(key);
		if (value == null) {
			throw new IllegalStateException("Missing quality message: " + key);
		}
		return value;
	}

}
