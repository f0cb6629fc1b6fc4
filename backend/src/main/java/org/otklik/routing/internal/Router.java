package org.otklik.routing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.otklik.region.Category;
import org.otklik.routing.RoutingModel;
import org.otklik.routing.RoutingSuggestion;
import org.otklik.routing.RoutingSuggestion.CategoryScore;

/**
 * One trained state of the router: the category model, the gazetteer and the agency rules, combined into
 * a suggestion by a pure function of the text (and whether it is the cold season). Immutable: retraining
 * builds a new one and swaps it in.
 */
public record Router(CategoryClassifier classifier, Gazetteer gazetteer, AgencyRules agencyRules, RoutingModel model) {

	private static final Map<Category, String> TITLES = Map.of(Category.HEALTHCARE, "здравоохранение",
			Category.EDUCATION, "образование", Category.HOUSING_UTILITIES, "ЖКХ", Category.CULTURE, "культура",
			Category.ENERGY, "энергетика", Category.ROADS_TRANSPORT, "дороги и транспорт", Category.SOCIAL_PROTECTION,
			"социальная защита", Category.ENVIRONMENT, "экология и природа", Category.OTHER, "другое");

	/** How many other categories a suggestion lists. */
	private static final int ALTERNATIVES = 3;

	public RoutingSuggestion suggest(String text, boolean coldSeason) {
		List<String> stems = org.otklik.text.RussianStems.all(text);
		List<CategoryClassifier.Scored> scored = this.classifier.classify(stems);
		List<String> explanation = new ArrayList<>();
		Optional<String> notAppeal = NotAppealRules.reason(text);
		Category category = scored.get(0).category();
		double confidence = scored.get(0).score();
		if (notAppeal.isPresent()) {
			// Non-appeals are OTHER by the region's convention; the model's own guess stays in the alternatives.
			category = Category.OTHER;
			confidence = scored.stream().filter(s -> s.category() == Category.OTHER).findFirst().orElseThrow().score();
			explanation.add("Не обращение: " + notAppeal.get());
		}
		List<String> words = this.classifier.lexiconWords(stems, category);
		explanation.add(String.format(java.util.Locale.ROOT, "Категория «%s» (%.0f %%)%s", TITLES.get(category),
				confidence * 100, words.isEmpty() ? "" : ": " + String.join(", ", words.subList(0, Math.min(6, words.size())))));
		List<CategoryScore> alternatives = new ArrayList<>();
		for (CategoryClassifier.Scored s : scored) {
			if (s.category() != category && alternatives.size() < ALTERNATIVES) {
				alternatives.add(new CategoryScore(s.category(), s.score()));
			}
		}
		Gazetteer.Result place = this.gazetteer.find(text);
		if (place.municipality() != null) {
			List<String> named = place.mentions().stream().map(Gazetteer.Mention::words).distinct().limit(4).toList();
			explanation.add("Место: " + String.join(", ", named) + " → " + place.municipality().title());
		}
		else {
			explanation.add("Место не названо");
		}
		List<String> urgency = notAppeal.isPresent() ? List.of() : UrgencyRules.reasons(text, coldSeason);
		urgency.forEach(reason -> explanation.add("Срочно: " + reason));
		AgencyRules.Decision agency = notAppeal.isPresent() ? new AgencyRules.Decision(null, "not an appeal")
				: this.agencyRules.decide(category, place.municipality());
		if (agency.agencyCode() != null) {
			explanation.add("Ведомство по правилу " + agency.rule());
		}
		return new RoutingSuggestion(category, confidence, alternatives, place.municipality(), place.settlement(),
				!urgency.isEmpty(), urgency, notAppeal.isPresent(), agency.agencyCode(), explanation,
				this.model.version());
	}

}
