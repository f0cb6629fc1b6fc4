package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * What a curator's assignment changed of the appeal's classification, each part from what to what, so the
 * history shows the correction and routing learns the curator's category; a part left as it was is null
 * on both sides ({@code fromMunicipality} is also null when the municipality was unknown before).
 */
public record ClassificationChange(@Nullable Category fromCategory, @Nullable Category toCategory,
		@Nullable Municipality fromMunicipality, @Nullable Municipality toMunicipality, @Nullable Boolean fromUrgent,
		@Nullable Boolean toUrgent) {

	/**
	 * The change from the appeal's classification to the one asked for, or null when nothing changes.
	 * A null argument keeps that part as it is.
	 */
	public static @Nullable ClassificationChange between(Appeal appeal, @Nullable Category category,
			@Nullable Municipality municipality, @Nullable Boolean urgent) {
		boolean category2 = category != null && category != appeal.category();
		boolean municipality2 = municipality != null && municipality != appeal.municipality();
		boolean urgent2 = urgent != null && urgent != appeal.urgent();
		if (!category2 && !municipality2 && !urgent2) {
			return null;
		}
		return new ClassificationChange(category2 ? appeal.category() : null, category2 ? category : null,
				municipality2 ? appeal.municipality() : null, municipality2 ? municipality : null,
				urgent2 ? appeal.urgent() : null, urgent2 ? urgent : null);
	}

	/** The category after the change: the new one, or the appeal's own when this change kept it. */
	public Category categoryOr(Category current) {
		return (this.toCategory != null) ? this.toCategory : current;
	}

}
