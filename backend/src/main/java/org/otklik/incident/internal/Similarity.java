package org.otklik.incident.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.otklik.text.RussianStems;

/**
 * The text features incident grouping compares: Snowball stems and stem bigrams (without the words that
 * name the place, which is compared on its own), and topics, a small hand-made map from the stems of the
 * region's usual outage words to one concept each, so that «нет света», «отключили электричество» and
 * «обесточен дом» meet although they share no word.
 */
public final class Similarity {

	/**
	 * Stem prefixes of each topic: a stem belongs to a topic when it starts with one of them, or equals one
	 * written with a trailing {@code =} (short stems such as «вод» would otherwise catch «водитель»).
	 */
	static final Map<String, List<String>> TOPICS = Map.of(
			"power", List.of("свет=", "электр", "обесточ", "напряжен", "лэп", "подстанц", "рубильн", "энергоснабж"),
			"heat", List.of("отоплен", "тепл", "батаре", "радиатор", "котельн", "мерзн", "замерз"),
			"water", List.of("вод=", "водичк", "водопровод", "водоснабж", "водокачк", "канализац"),
			"road", List.of("дорог", "ям", "асфальт", "колдобин", "ямочн", "гололед", "снегоочист", "расчист"),
			"garbage", List.of("мусор", "контейнер", "свалк", "отход"),
			"transport", List.of("автобус", "маршрут", "рейс", "остановк"),
			"connection", List.of("интернет", "связ=", "сотов"));

	/** Russian labels of topics, for incident titles. */
	public static final Map<String, String> TOPIC_TITLES = Map.of("power", "Нет электричества", "heat",
			"Проблемы с отоплением", "water", "Нет воды", "road", "Дорога", "garbage", "Вывоз мусора",
			"transport", "Транспорт", "connection", "Нет связи");

	private Similarity() {
	}

	/** The features of one text. */
	public record Features(List<String> stems, List<String> bigrams, List<String> topics) {

		public Features {
			stems = List.copyOf(stems);
			bigrams = List.copyOf(bigrams);
			topics = List.copyOf(topics);
		}

	}

	/**
	 * Features of a text, leaving out the words of the place it names ({@code placeWords}: the settlement
	 * and municipality names), so that two posts do not look alike only because both say «в Синегорье».
	 */
	public static Features of(String text, List<String> placeWords) {
		Set<String> placeStems = new TreeSet<>();
		for (String word : placeWords) {
			placeStems.addAll(RussianStems.all(word));
		}
		List<String> all = new ArrayList<>();
		for (String stem : RussianStems.all(text)) {
			if (stem.length() < 2 || stem.chars().allMatch(Character::isDigit) || isPlace(stem, placeStems)) {
				continue;
			}
			all.add(stem);
		}
		Set<String> bigrams = new LinkedHashSet<>();
		for (int i = 1; i < all.size(); i++) {
			bigrams.add(all.get(i - 1) + " " + all.get(i));
		}
		Set<String> topics = new TreeSet<>();
		for (String stem : all) {
			TOPICS.forEach((topic, prefixes) -> {
				if (prefixes.stream()
					.anyMatch(p -> p.endsWith("=") ? stem.equals(p.substring(0, p.length() - 1)) : stem.startsWith(p))) {
					topics.add(topic);
				}
			});
		}
		return new Features(new ArrayList<>(new LinkedHashSet<>(all)), new ArrayList<>(bigrams), new ArrayList<>(topics));
	}

	private static boolean isPlace(String stem, Set<String> placeStems) {
		// Case forms of a place name stem differently («синегор», «синегорь»): a shared five-letter start is enough.
		for (String place : placeStems) {
			int n = Math.min(5, Math.min(stem.length(), place.length()));
			if (n >= 4 && stem.regionMatches(0, place, 0, n)) {
				return true;
			}
		}
		return false;
	}

	/** Dice coefficient over stems and bigrams together: 0 for nothing shared, 1 for the same words. */
	public static double dice(Features a, Features b) {
		Set<String> x = new TreeSet<>(a.stems());
		x.addAll(a.bigrams());
		Set<String> y = new TreeSet<>(b.stems());
		y.addAll(b.bigrams());
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		Set<String> shared = new TreeSet<>(x);
		shared.retainAll(y);
		return 2.0 * shared.size() / (x.size() + y.size());
	}

	/** The topics two feature sets share. */
	public static List<String> sharedTopics(List<String> a, List<String> b) {
		List<String> shared = new ArrayList<>(a);
		shared.retainAll(b);
		return shared;
	}

	/**
	 * How alike two texts are as reports of one problem: 1 when they share a topic, otherwise their Dice
	 * similarity. Texts whose topics are all different are 0 (a road and a power outage in one village are
	 * two problems, however many words they share).
	 */
	public static double score(Features a, Features b, @Nullable List<String> topicsOfGroup) {
		List<String> topicsA = a.topics();
		List<String> topicsB = (topicsOfGroup != null && !topicsOfGroup.isEmpty()) ? topicsOfGroup : b.topics();
		if (!sharedTopics(topicsA, topicsB).isEmpty()) {
			return 1.0;
		}
		if (!topicsA.isEmpty() && !topicsB.isEmpty()) {
			return 0.0;
		}
		return dice(a, b);
	}

}
