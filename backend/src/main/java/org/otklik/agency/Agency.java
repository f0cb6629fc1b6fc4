package org.otklik.agency;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.otklik.region.Category;
import org.otklik.region.Municipality;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A body that answers appeals: a regional ministry, a municipal administration or another
 * organisation. Its {@code code} is stable and is what tokens carry in the {@code agency} claim.
 *
 * @param publicContact whom a citizen calls about an appeal (a reception's phone and hours), shown on the
 *                      citizen's page; null when the agency has not given one
 */
@Document("agencies")
public record Agency(@Id String id, String code, String name, AgencyKind kind, List<Category> categories,
		Municipality municipality, boolean active, @Nullable String publicContact) {

	public Agency {
		categories = (categories != null) ? List.copyOf(categories) : List.of();
	}

	/** An agency without a public contact. */
	public Agency(String id, String code, String name, AgencyKind kind, List<Category> categories,
			Municipality municipality, boolean active) {
		this(id, code, name, kind, categories, municipality, active, null);
	}

	public boolean answersFor(Category category) {
		return this.categories.contains(category);
	}

}
