package org.otklik.runtime;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so at start when the class data archive the JVM was given ({@code -XX:SharedArchiveFile}, see ADR 0013) is
 * not in use: JDK 17 drops a missing or stale archive (other jars, another JVM build, another class path) without
 * a word unless {@code -Xlog:cds} is on, and the start is then only slower, which nobody would notice.
 */
public final class ClassDataSharing {

	private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

	private ClassDataSharing() {
	}

	/** Logs a warning when an archive was named on the command line but the JVM runs without sharing. */
	public static void warnIfArchiveUnused() {
		try {
			String archive = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
				.getVMOption("SharedArchiveFile")
				.getValue();
			unusedArchiveWarning(archive, System.getProperty("java.vm.info", "")).ifPresent(log::warn);
		}
		catch (RuntimeException notHotSpot) {
			// Another JVM: no such option, nothing to check.
		}
	}

	/**
	 * The warning for an archive option and the JVM's {@code java.vm.info} ("mixed mode, sharing" when classes are
	 * mapped from an archive), or empty when no archive was named or sharing is on.
	 */
	static Optional<String> unusedArchiveWarning(String archive, String vmInfo) {
		if (archive.isEmpty() || vmInfo.contains("sharing")) {
			return Optional.empty();
		}
		return Optional.of("The class data archive " + archive + " is not in use (missing, or built for other jars, "
				+ "another class path or another JVM): the start is slower but otherwise the same. Rebuild it with "
				+ "./mvnw -DskipTests package, or run with -Xlog:cds to see why");
	}

}
