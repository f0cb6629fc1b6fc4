package org.otklik.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTests {

	@Test
	void warnsWhenANamedArchiveIsNotMapped() {
		assertThat(ClassDataSharing.unusedArchiveWarning("backend/target/app/otklik.jsa", "mixed mode"))
			.hasValueSatisfying(warning -> assertThat(warning).contains("backend/target/app/otklik.jsa", "not in use"));
	}

	@Test
	void silentWhenTheArchiveIsMapped() {
		assertThat(ClassDataSharing.unusedArchiveWarning("backend/target/app/otklik.jsa", "mixed mode, sharing"))
			.isEmpty();
	}

	@Test
	void silentWithoutANamedArchive() {
		// The fat jar run as before: no archive named, whether or not the JDK's own archive is mapped.
		assertThat(ClassDataSharing.unusedArchiveWarning("", "mixed mode")).isEmpty();
		assertThat(ClassDataSharing.unusedArchiveWarning("", "mixed mode, sharing")).isEmpty();
	}

}
