package org.otklik.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared labelled development data ({@code shared/datasets}), read in place: it is never copied
 * into the repository. Found by walking up from the working directory to a directory that has
 * {@code shared/datasets}, or from {@code -Dotklik.datasets=/path}.
 */
final class DevDataset {

	/** One labelled answer with the text and category of the appeal it answers. */
	record LabelledAnswer(String id, String appealId, String text, String appealText, String appealCategory,
			Set<QualityRule> labels, boolean good) {

		/**
		 * The fixed split, decided before any rule was changed: an answer is for tuning when the CRC-32
		 * of its id (UTF-8) modulo 10 is below 6, otherwise it is held out (about 60/40). The rows are
		 * shuffled with a fixed seed, so ids carry no information about content.
		 */
		boolean tuning() {
			return isTuning(this.id);
		}

	}

	static boolean isTuning(String id) {
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(id.getBytes(StandardCharsets.UTF_8));
		return crc.getValue() % 10 < 6;
	}

	private DevDataset() {
	}

	static Path locate() {
		String configured = System.getProperty("otklik.datasets");
		if (configured != null) {
			return requireFiles(Path.of(configured));
		}
		Path start = Path.of("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("datasets");
			if (Files.isRegularFile(candidate.resolve("answers-dev.jsonl"))) {
				return requireFiles(candidate);
			}
		}
		throw new IllegalStateException("Labelled dev data not found: no shared/datasets/answers-dev.jsonl in " + start
				+ " or any parent directory. Put the shared folder next to the repository (../../shared/datasets "
				+ "from the backend module) or pass -Dotklik.datasets=/path/to/datasets.");
	}

	private static Path requireFiles(Path dir) {
		for (String name : List.of("answers-dev.jsonl", "appeals-dev.jsonl")) {
			if (!Files.isRegularFile(dir.resolve(name))) {
				throw new IllegalStateException("Missing " + dir.resolve(name));
			}
		}
		return dir;
	}

	static List<LabelledAnswer> load() {
		Path dir = locate();
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, String> appeals = new HashMap<>();
		Map<String, String> categories = new HashMap<>();
		for (JsonNode row : rows(mapper, dir.resolve("appeals-dev.jsonl"))) {
			appeals.put(row.get("id").asString(), row.get("text").asString());
			categories.put(row.get("id").asString(), row.get("category").asString());
		}
		List<LabelledAnswer> answers = new ArrayList<>();
		for (JsonNode row : rows(mapper, dir.resolve("answers-dev.jsonl"))) {
			Set<QualityRule> labels = new TreeSet<>();
			for (JsonNode label : row.get("findings")) {
				labels.add(QualityRule.valueOf(label.asString()));
			}
			String appealId = row.get("appeal_id").asString();
			String appealText = appeals.get(appealId);
			if (appealText == null) {
				throw new IllegalStateException("Answer " + row.get("id") + " refers to unknown appeal " + appealId);
			}
			answers.add(new LabelledAnswer(row.get("id").asString(), appealId, row.get("text").asString(), appealText,
					categories.get(appealId), labels, row.get("good").asBoolean()));
		}
		return answers;
	}

	static List<JsonNode> rows(JsonMapper mapper, Path file) {
		try {
			List<JsonNode> rows = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					rows.add(mapper.readTree(line));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
