package org.otklik.agency;

import java.util.List;

import org.otklik.region.Category;
import org.otklik.region.Municipality;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A body that answers appeals: a regional ministry, a municipal administration or another
 * organisation. Its {@code code} is stable and is what tokens carry in the {@code agency} claim.
 */
@Document("agencies")
public record Agency(@Id String id, String code, String name, AgencyKind kind, List<Category> categories,
		Municipality municipality, boolean active) {

	public Agency {
		categories = (categories != null) ? List.copyOf(categories) : List.of();
	}

	public boolean answersFor(Category category) {
		return this.categories.contains(category);
	}

}
