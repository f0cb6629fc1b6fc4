package org.otklik;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are modules: each top-level package of {@code org.otklik} is one, its sub-packages are
 * its internals, and no module may reach into another's internals or depend on it in a cycle.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(OtklikApplication.class);

	@Test
	void modulesRespectEachOthersBoundaries() {
		MODULES.verify();
	}

	/**
	 * Names that only mean something in the appeal document: its collection, paths into its sub-documents,
	 * and fields no other document has. (Plain names that other documents share, such as {@code receivedAt},
	 * are not evidence.)
	 */
	static final java.util.List<String> APPEAL_DOCUMENT_NAMES = java.util.List.of("\"appeals\"", "\"sla.", "\"history.",
			"\"history\"", "\"answers.", "\"answers\"", "\"lastEvent\"", "\"lastEvent.", "\"source.",
			"\"searchTerms\"", "\"firstRespondedAt\"", "\"answeredAt\"", "\"ingestedBy\"", "\"redirectCount\"",
			"\"returnCount\"", "\"$answers", "\"$history", "\"$sla.");

	@Test
	void onlyTheAppealModuleNamesTheAppealDocument() throws java.io.IOException {
		java.nio.file.Path main = java.nio.file.Path.of("src/main/java/org/otklik");
		java.nio.file.Path appeal = main.resolve("appeal");
		java.util.List<String> offences = new java.util.ArrayList<>();
		try (var files = java.nio.file.Files.walk(main)) {
			for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(appeal)).toList()) {
				String source = java.nio.file.Files.readString(file);
				for (String name : APPEAL_DOCUMENT_NAMES) {
					if (source.contains(name)) {
						offences.add(main.relativize(file) + " names " + name);
					}
				}
			}
		}
		org.assertj.core.api.Assertions.assertThat(offences).isEmpty();
	}

	@Test
	void modulesAreDocumented() {
		// Writes the module diagram and canvases to target/spring-modulith-docs, for docs/architecture.md.
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
