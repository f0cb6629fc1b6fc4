package org.otklik.quality.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the coach's models on the shipped answers at build time and writes them to
 * {@link LearnedCoach#SHIPPED_MODEL} under the classes directory given as the one argument (the backend's pom
 * runs it after compiling), so that no start trains them.
 */
public final class CoachModelBuild {

	private CoachModelBuild() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			throw new IllegalArgumentException("usage: CoachModelBuild <classes directory>");
		}
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logging) {
			// The trainer logs every step at INFO; the build shows only what goes wrong.
			logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
		}
		Path target = Path.of(args[0]).resolve(LearnedCoach.SHIPPED_MODEL);
		Files.createDirectories(target.getParent());
		LearnedCoach coach = QualityEngine.trainShipped(new QualityEngine(null, LearnedCoach.DEFAULT_THRESHOLDS),
				LearnedCoach.DEFAULT_THRESHOLDS);
		try (OutputStream out = Files.newOutputStream(target)) {
			coach.write(out, LearnedCoach.shippedFingerprint());
		}
	}

}
