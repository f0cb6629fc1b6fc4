package org.otklik.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Municipality;

/**
 * Finds the places an appeal names: every settlement of the region by municipal okrug, Magadan's
 * districts, streets and landmarks, and the okrugs' own names, in their case forms («в Ягодном», «из
 * Синегорья», «на Талой»). The places are data ({@code routing/gazetteer.txt}); the case forms come from
 * rules on the name's ending plus the file's explicit exceptions.
 */
public final class Gazetteer {

	/** One place: where it belongs, its kind and whether it is also a common word. */
	public record Place(Municipality municipality, String kind, String name, boolean ambiguous) {
	}

	/** A place found in a text, with the words that named it. */
	public record Mention(Place place, String words) {
	}

	/** The municipality a text is about and why; {@code municipality} is null when no place is named. */
	public record Result(@Nullable Municipality municipality, @Nullable String settlement, List<Mention> mentions) {
	}

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*");

	/** Words that license an ambiguous name whatever its case: settlement and street markers. */
	private static final Set<String> MARKERS = Set.of("п", "пос", "пгт", "поселок", "поселке", "поселка", "посёлок",
			"с", "село", "селе", "села", "мкр", "микрорайон", "микрорайоне", "микрорайона", "ул", "улица", "улице",
			"улицы", "улицу", "пр", "пр-т", "проспект", "проспекте", "пер", "переулок", "переулке", "г", "город",
			"городе", "района", "районе", "район");

	/** Prepositions after which a capitalised ambiguous name counts. */
	private static final Set<String> PREPOSITIONS = Set.of("в", "во", "на", "из", "до", "под", "у", "около", "возле",
			"за", "от", "с", "со", "к", "по", "через");

	/**
	 * «Ольский округ», «в Тенькинском районе», «Хасынская больница»: an okrug named by its adjective, which
	 * no other word starts with; «магаданский» needs «городской округ» (alone it is the region).
	 */
	private static final Pattern OKRUG = Pattern.compile(
			"\\b(?:(ольск|омсукчанск|северо-эвенск|среднеканск|сусуманск|тенькинск|хасынск|ягоднинск)\\p{L}*"
					+ "|(магаданск)\\p{L}*\\s+(?:городск|го\\b))",
			Pattern.UNICODE_CHARACTER_CLASS);

	private static final Map<String, Municipality> OKRUG_STEMS = Map.of("ольск", Municipality.OLSKY, "омсукчанск",
			Municipality.OMSUKCHANSKY, "северо-эвенск", Municipality.SEVERO_EVENSKY, "среднеканск",
			Municipality.SREDNEKANSKY, "сусуманск", Municipality.SUSUMANSKY, "тенькинск", Municipality.TENKINSKY,
			"хасынск", Municipality.KHASYNSKY, "ягоднинск", Municipality.YAGODNINSKY, "магаданск", Municipality.MAGADAN);

	/** Kinds of place that are settlements an appeal may be about (the rest are parts of Magadan). */
	private static final Set<String> SETTLEMENT_KINDS = Set.of("city", "centre", "settlement");

	private final Map<String, Place> forms = new HashMap<>();

	/** Every form of each municipality's settlements, to the settlement's name; a name several places share stays each one's. */
	private final Map<Municipality, Map<String, String>> settlements = new EnumMap<>(Municipality.class);

	private final int longest;

	Gazetteer(Map<String, Place> forms, List<Place> places) {
		this.forms.putAll(forms);
		for (Place place : places) {
			if (SETTLEMENT_KINDS.contains(place.kind())) {
				Map<String, String> own = this.settlements.computeIfAbsent(place.municipality(), m -> new HashMap<>());
				forms(place.name()).forEach(form -> own.putIfAbsent(form, place.name()));
			}
		}
		this.longest = forms.keySet().stream().mapToInt(f -> f.split(" ").length).max().orElse(1);
	}

	/** The gazetteer of the shipped data file, loaded once for everyone who only reads it. */
	public static Gazetteer shipped() {
		return Shipped.INSTANCE;
	}

	/** Holder: the file is read on first use. */
	private static final class Shipped {

		static final Gazetteer INSTANCE = load();

	}

	/**
	 * The spelling of a settlement (kind {@code settlement}, {@code centre} or {@code city}) of the municipality
	 * that a name stands for in any letter case, with ё or е, or in a case form the rules generate («Ягодном»);
	 * null when the municipality has none by it.
	 */
	public @Nullable String settlementOf(Municipality municipality, String name) {
		return this.settlements.getOrDefault(municipality, Map.of()).get(normalise(name.strip().replaceAll("\\s+", " ")));
	}

	/** The gazetteer of the shipped data file. */
	public static Gazetteer load() {
		try (InputStream in = Gazetteer.class.getResourceAsStream("/routing/gazetteer.txt")) {
			if (in == null) {
				throw new IllegalStateException("routing/gazetteer.txt is missing");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Gazetteer parse(String data) {
		Map<String, Place> forms = new HashMap<>();
		List<Place> places = new ArrayList<>();
		for (String line : data.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] f = trimmed.split("\\|", -1);
			Place place = new Place(Municipality.valueOf(f[0].strip()), f[1].strip(), f[2].strip(),
					f.length > 3 && f[3].contains("a"));
			places.add(place);
			for (String form : forms(place.name())) {
				forms.putIfAbsent(form, place);
			}
			if (f.length > 4 && !f[4].isBlank()) {
				for (String extra : f[4].split(",")) {
					forms.putIfAbsent(normalise(extra.strip()), place);
				}
			}
		}
		return new Gazetteer(forms, places);
	}

	/** The case forms of a name, lower-cased, with ё as е. Multi-word names keep their other words as they are. */
	static Set<String> forms(String name) {
		String lower = normalise(name);
		int space = lower.lastIndexOf(' ');
		String head = (space < 0) ? "" : lower.substring(0, space + 1);
		String last = (space < 0) ? lower : lower.substring(space + 1);
		int hyphen = last.lastIndexOf('-');
		String prefix = head + ((hyphen < 0) ? "" : last.substring(0, hyphen + 1));
		String word = (hyphen < 0) ? last : last.substring(hyphen + 1);
		Set<String> out = new LinkedHashSet<>();
		out.add(lower);
		for (String w : wordForms(word)) {
			out.add(prefix + w);
		}
		return out;
	}

	private static List<String> wordForms(String w) {
		List<String> out = new ArrayList<>();
		out.add(w);
		if (w.endsWith("ое") || w.endsWith("ее")) {
			String s = w.substring(0, w.length() - 2);
			out.addAll(List.of(s + "ого", s + "ому", s + "ом", s + "ем", s + "его", s + "ему"));
		}
		else if (w.endsWith("ье")) {
			String s = w.substring(0, w.length() - 2);
			out.addAll(List.of(s + "ья", s + "ью", s + "ьем", s + "ьи", s + "ье"));
		}
		else if (w.endsWith("ая") || w.endsWith("яя")) {
			String s = w.substring(0, w.length() - 2);
			out.addAll(List.of(s + "ой", s + "ую", s + "ей", s + "юю"));
		}
		else if (w.endsWith("ый") || w.endsWith("ой")) {
			String s = w.substring(0, w.length() - 2);
			out.addAll(List.of(s + "ого", s + "ому", s + "ым", s + "ом"));
		}
		else if (w.endsWith("ий")) {
			String s = w.substring(0, w.length() - 2);
			boolean velar = s.endsWith("к") || s.endsWith("г") || s.endsWith("х");
			out.addAll(velar ? List.of(s + "ого", s + "ому", s + "им", s + "ом")
					: List.of(s + "его", s + "ему", s + "им", s + "ем"));
		}
		else if (w.endsWith("а")) {
			String s = w.substring(0, w.length() - 1);
			boolean soft = s.endsWith("к") || s.endsWith("г") || s.endsWith("х") || s.endsWith("ж") || s.endsWith("ш")
					|| s.endsWith("ч") || s.endsWith("щ");
			out.addAll(List.of(s + (soft ? "и" : "ы"), s + "е", s + "у", s + "ой", s + "ою"));
		}
		else if (w.endsWith("я")) {
			String s = w.substring(0, w.length() - 1);
			out.addAll(List.of(s + "и", s + "е", s + "ю", s + "ей"));
		}
		else if (w.endsWith("ь")) {
			String s = w.substring(0, w.length() - 1);
			out.addAll(List.of(s + "и", s + "ью", s + "я", s + "е", s + "ем", s + "ю"));
		}
		else if (w.endsWith("о")) {
			String s = w.substring(0, w.length() - 1);
			out.addAll(List.of(s + "а", s + "у", s + "е", s + "ом"));
		}
		else if (w.endsWith("ы") || w.endsWith("и")) {
			String s = w.substring(0, w.length() - 1);
			out.addAll(List.of(s + "ов", s + "ам", s + "ах", s + "ами"));
		}
		else if (w.endsWith("у") || w.endsWith("ю") || w.endsWith("э") || w.endsWith("е")) {
			// Indeclinable (Кулу).
		}
		else {
			out.addAll(List.of(w + "а", w + "у", w + "е", w + "ом"));
		}
		return out;
	}

	static String normalise(String s) {
		return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
	}

	/**
	 * The stems of every unambiguous place name and of the okrugs' adjectives: the category model reads them
	 * as one "a place" feature, since where a problem is says nothing about whose it is (a small training
	 * set otherwise ties a settlement to the category its few examples happened to have).
	 */
	public Set<String> placeStems() {
		Set<String> stems = new java.util.HashSet<>();
		this.forms.forEach((form, place) -> {
			if (!place.ambiguous()) {
				stems.addAll(org.otklik.text.RussianStems.all(form));
			}
		});
		for (String okrug : List.of("ольский", "омсукчанский", "северо-эвенский", "среднеканский", "сусуманский",
				"тенькинский", "хасынский", "ягоднинский", "магаданский", "магаданская")) {
			stems.addAll(org.otklik.text.RussianStems.all(okrug));
		}
		return Set.copyOf(stems);
	}

	/** The places a text names and the municipality it is about, or none. */
	public Result find(String text) {
		List<Mention> mentions = new ArrayList<>();
		String lower = normalise(text);
		Matcher okrug = OKRUG.matcher(lower);
		while (okrug.find()) {
			String stem = (okrug.group(1) != null) ? okrug.group(1) : okrug.group(2);
			Municipality m = OKRUG_STEMS.get(stem);
			if (m != null) {
				mentions.add(new Mention(new Place(m, "okrug", m.title(), false), okrug.group()));
			}
		}
		List<String> words = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			words.add(word.group());
		}
		// Lower-cased once, not per candidate.
		List<String> keys = words.stream().map(Gazetteer::normalise).toList();
		for (int i = 0; i < words.size(); i++) {
			// Longest match first.
			for (int n = Math.min(this.longest, words.size() - i); n >= 1; n--) {
				String candidate = (n == 1) ? keys.get(i) : String.join(" ", keys.subList(i, i + n));
				Place place = this.forms.get(candidate);
				if (place != null && licensed(place, words, i)) {
					mentions.add(new Mention(place, String.join(" ", words.subList(i, i + n))));
					i += n - 1;
					break;
				}
			}
		}
		if (mentions.isEmpty()) {
			return new Result(null, null, List.of());
		}
		return new Result(choose(mentions), settlement(mentions, choose(mentions)), mentions);
	}

	private static boolean licensed(Place place, List<String> words, int at) {
		if (!place.ambiguous()) {
			return true;
		}
		String own = words.get(at);
		boolean capitalised = Character.isUpperCase(own.charAt(0)) && !own.equals(own.toUpperCase(Locale.ROOT));
		if (at == 0) {
			return false;
		}
		String before = normalise(words.get(at - 1));
		if (MARKERS.contains(before)) {
			return true;
		}
		return capitalised && PREPOSITIONS.contains(before);
	}

	/**
	 * The municipality with most mentions, the first named winning a tie. The regional capital is where
	 * things come from («ждём из Магадана»), so the city itself counts half when a place outside it is named.
	 */
	private static Municipality choose(List<Mention> mentions) {
		boolean outside = mentions.stream().anyMatch(m -> m.place().municipality() != Municipality.MAGADAN);
		Map<Municipality, Double> weight = new EnumMap<>(Municipality.class);
		for (Mention m : mentions) {
			double w = (outside && m.place().kind().equals("city")) ? 0.5 : 1.0;
			weight.merge(m.place().municipality(), w, Double::sum);
		}
		Municipality best = null;
		double top = -1;
		for (Mention m : mentions) {
			double w = weight.get(m.place().municipality());
			if (w > top) {
				top = w;
				best = m.place().municipality();
			}
		}
		return best;
	}

	private static @Nullable String settlement(List<Mention> mentions, Municipality chosen) {
		for (Mention m : mentions) {
			Place p = m.place();
			if (p.municipality() == chosen && !p.kind().equals("okrug")) {
				return switch (p.kind()) {
					case "district", "street", "landmark", "city" -> "Магадан";
					default -> p.name();
				};
			}
		}
		return null;
	}

}
