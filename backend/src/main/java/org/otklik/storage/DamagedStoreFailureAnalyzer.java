package org.otklik.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link DamagedStoreException}: what is damaged and what an operator can do about it. */
public class DamagedStoreFailureAnalyzer extends AbstractFailureAnalyzer<DamagedStoreException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DamagedStoreException cause) {
		String description = "The embedded database file " + cause.file() + " failed its integrity check:\n  - "
				+ String.join("\n  - ", cause.problems());
		String action = "Nothing was changed. Stop here and keep a copy of " + cause.file() + ". Then either restore "
				+ "the file from a backup, or move it aside (the application then starts with an empty database) and "
				+ "let integrators send their appeals again: ingest is idempotent by (channel, externalId). For "
				+ "production, use MongoDB (MONGODB_URI).";
		return new FailureAnalysis(description, action, cause);
	}

}
