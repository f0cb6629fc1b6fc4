package org.otklik.routing.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.otklik.region.Category;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Urgency and category on appeals written by hand for these tests in new wording (test resources
 * {@code routing/urgency-new-wordings.txt} and {@code routing/category-new-wordings.txt}; not from the
 * shared data set). Each class has its own bar, so a regression in one class fails although the total holds.
 */
class RoutingNewWordingsTests {

	private static CategoryClassifier classifier;

	@BeforeAll
	static void train() {
		classifier = CategoryClassifier.train(Training.shippedExamples(), Training.lexicon());
	}

	/**
	 * Urgent: recall at least 95 % (the product goal), and no more than 5 % of the harmless ones raise an
	 * alarm. Before the rules were widened the first 60 gave 21 of 32 urgent and 1 false alarm of 28; the
	 * second 22, written after that, 8 of 12 and 1 of 10; the third 46, written later still, 12 of 28 and 3
	 * of 18; the fourth 20, written after the third's fixes, 9 of 12 and 0 of 8; the fifth 20, 5 of 6 and 3 of
	 * 14; then 90 of 90 and 1 of 78. The sixth to tenth sets (s24-route), each measured before its fixes: 17 of
	 * 30 and 4 of 30, 14 of 20 and 3 of 20, 15 of 20 and 0 of 20, 6 of 16 and 1 of 16, 4 of 12 and 1 of 12 (the
	 * rules before them find 144 of 188 in the whole file, below the bar, with 10 false alarms of 176); now 188 of 188 and 2 of 176.
	 */
	@Test
	void urgentAppealsInNewWordingAreFoundAndHarmlessOnesAreLeftAlone() {
		List<String> missed = new ArrayList<>();
		List<String> falseAlarms = new ArrayList<>();
		int urgent = 0;
		int harmless = 0;
		for (String[] row : rows("/routing/urgency-new-wordings.txt")) {
			boolean found = !UrgencyRules.reasons(row[1], true).isEmpty();
			if (row[0].equals("U")) {
				urgent++;
				if (!found) {
					missed.add(row[1]);
				}
			}
			else {
				harmless++;
				if (found) {
					falseAlarms.add(row[1]);
				}
			}
		}
		assertThat(urgent).isGreaterThanOrEqualTo(80);
		assertThat(harmless).isGreaterThanOrEqualTo(60);
		assertThat((double) (urgent - missed.size()) / urgent).as("urgent recall; missed: %s", missed)
			.isGreaterThanOrEqualTo(0.95);
		assertThat((double) falseAlarms.size() / harmless).as("false alarms: %s", falseAlarms).isLessThanOrEqualTo(0.05);
	}

	/**
	 * Every rule searches only near the anchor words its alternatives name; an alternative one of whose matches
	 * holds none of them would be missed silently. Checked against the plain search of the whole pattern on every
	 * wording, alone and run together into 2,000-character texts (an anchor word dropped from a rule fails it).
	 */
	@Test
	void anchoredSearchAgreesWithTheWholePattern() {
		List<String> texts = new ArrayList<>();
		rows("/routing/urgency-new-wordings.txt").forEach(row -> texts.add(row[1]));
		rows("/routing/category-new-wordings.txt").forEach(row -> texts.add(row[1]));
		java.util.Random random = new java.util.Random(7);
		List<String> long2000 = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			StringBuilder text = new StringBuilder();
			while (text.length() < 2000) {
				text.append(texts.get(random.nextInt(texts.size()))).append(' ');
			}
			long2000.add(text.toString());
		}
		texts.addAll(long2000);
		for (String text : texts) {
			assertThat(UrgencyRules.anchorDisagreements(text)).as(text).isEmpty();
		}
	}

	@Test
	void everyUrgentOneSaysWhy() {
		for (String[] row : rows("/routing/urgency-new-wordings.txt")) {
			if (row[0].equals("U")) {
				assertThat(UrgencyRules.reasons(row[1], true)).as(row[1]).allSatisfy(r -> assertThat(r).isNotBlank());
			}
		}
	}

	/**
	 * Category: at least 85 % top-1 over all (the product goal), and in every category at most one miss
	 * (the set has 6 to 10 a category). The model before the L2-regularised trainer got 43 of 44, after 41 of
	 * 44 (cross-validation rose 0.854 → 0.869); the right category is always among the first two. The fourth
	 * session's 31, written before any change, gave 30 of 31, and 31 of 31 with the lexicon's «подключение».
	 */
	@Test
	void categoriesInNewWordingMeetTheirBars() {
		Map<Category, int[]> byCategory = new EnumMap<>(Category.class);
		List<String> misses = new ArrayList<>();
		int right = 0;
		int all = 0;
		for (String[] row : rows("/routing/category-new-wordings.txt")) {
			Category expected = Category.valueOf(row[0]);
			List<CategoryClassifier.Scored> scored = classifier.classify(row[1]);
			boolean ok = scored.get(0).category() == expected;
			int[] counts = byCategory.computeIfAbsent(expected, c -> new int[2]);
			counts[0] += ok ? 1 : 0;
			counts[1]++;
			right += ok ? 1 : 0;
			all++;
			if (!ok) {
				misses.add(expected + "→" + scored.get(0).category() + ": " + row[1]);
			}
			assertThat(scored.subList(0, 2)).as(row[1]).extracting(CategoryClassifier.Scored::category).contains(expected);
		}
		assertThat(byCategory).hasSize(Category.values().length);
		assertThat((double) right / all).as("top-1; misses: %s", misses).isGreaterThanOrEqualTo(0.85);
		byCategory.forEach((category, counts) -> assertThat(counts[1] - counts[0]).as("misses in %s: %s", category, misses)
			.isLessThanOrEqualTo(1));
	}

	/** {@code LABEL|text} lines of a test resource, without comments. */
	private static List<String[]> rows(String resource) {
		List<String[]> rows = new ArrayList<>();
		for (String line : CategoryClassifier.resourceLines(resource)) {
			int bar = line.indexOf('|');
			rows.add(new String[] { line.substring(0, bar).strip(), line.substring(bar + 1).strip() });
		}
		return rows;
	}

}
