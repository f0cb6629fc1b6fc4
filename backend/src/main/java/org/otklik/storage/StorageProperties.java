package org.otklik.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where appeals are stored: the embedded wire-protocol server by default, real MongoDB when
 * {@code MONGODB_URI} is set.
 *
 * @param embedded settings of the in-process server used when no external URI is configured
 * @param seedDemo {@code null} means "seed the embedded database only"; {@code true} also seeds an
 *                 external database, {@code false} never seeds
 * @param resetDemo {@code true} deletes the embedded server's data file at start, so the demo region is
 *                  loaded afresh; an external database is never touched
 */
@ConfigurationProperties("otklik.storage")
public record StorageProperties(Embedded embedded, Boolean seedDemo, boolean resetDemo) {

	public StorageProperties {
		if (embedded == null) {
			embedded = new Embedded(EmbeddedBackend.MEMORY, "./data/otklik.mv", 0);
		}
	}

	/** Settings of the in-process MongoDB wire server. */
	public record Embedded(EmbeddedBackend backend, String path, int port) {

		public Embedded {
			if (backend == null) {
				backend = EmbeddedBackend.H2;
			}
		}
	}

	/** Storage engines the embedded server can use. */
	public enum EmbeddedBackend {
		/** An H2 MVStore file that survives restarts (the demo default). */
		H2,
		/** Plain memory, for tests. */
		MEMORY
	}

}
