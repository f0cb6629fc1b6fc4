package org.otklik.routing;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * What the router proposes for one text: category with alternatives, place, urgency, whether it is an
 * appeal at all and the agency, each with the reasons a curator needs to accept or correct it.
 *
 * @param agencyCode the suggested agency's code; the API resolves it to the agency
 * @param modelVersion the version of the category model that produced it
 */
public record RoutingSuggestion(Category category, double confidence, List<CategoryScore> alternatives,
		@Nullable Municipality municipality, @Nullable String settlement, boolean urgent, List<String> urgencyReasons,
		boolean notAppeal, @Nullable String agencyCode, List<String> explanation, int modelVersion) {

	public RoutingSuggestion {
		alternatives = (alternatives != null) ? List.copyOf(alternatives) : List.of();
		urgencyReasons = (urgencyReasons != null) ? List.copyOf(urgencyReasons) : List.of();
		explanation = (explanation != null) ? List.copyOf(explanation) : List.of();
	}

	/** A category the model also considered, with its probability. */
	public record CategoryScore(Category category, double score) {
	}

}
