package org.otklik.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * The embedded store holds damage the startup check cannot repair safely (two documents with one unique
 * key); the application does not start on it. {@link DamagedStoreFailureAnalyzer} turns it into Boot's
 * "APPLICATION FAILED TO START" description and action, without a stack trace.
 */
public class DamagedStoreException extends RuntimeException {

	private final Path file;

	private final List<String> problems;

	DamagedStoreException(Path file, List<String> problems) {
		super("The embedded store " + file + " is damaged: " + String.join(" | ", problems), null, false, false);
		this.file = file;
		this.problems = List.copyOf(problems);
	}

	public Path file() {
		return this.file;
	}

	public List<String> problems() {
		return this.problems;
	}

}
