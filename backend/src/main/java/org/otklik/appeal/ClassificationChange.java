package org.otklik.appeal;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * What a curator's assignment or reclassification changed of the appeal's classification, each part from
 * what to what, so the history shows the correction and routing learns the curator's category; a part left
 * as it was is null on both sides ({@code fromMunicipality} is also null when the municipality was unknown
 * before, {@code fromSettlement} when the settlement was, and {@code toSettlement} alone is null when a
 * change of municipality dropped a settlement of the old one).
 */
public record ClassificationChange(@Nullable Category fromCategory, @Nullable Category toCategory,
		@Nullable Municipality fromMunicipality, @Nullable Municipality toMunicipality, @Nullable Boolean fromUrgent,
		@Nullable Boolean toUrgent, @Nullable String fromSettlement, @Nullable String toSettlement) {

	/** A change that leaves the settlement as it was. */
	public ClassificationChange(@Nullable Category fromCategory, @Nullable Category toCategory,
			@Nullable Municipality fromMunicipality, @Nullable Municipality toMunicipality, @Nullable Boolean fromUrgent,
			@Nullable Boolean toUrgent) {
		this(fromCategory, toCategory, fromMunicipality, toMunicipality, fromUrgent, toUrgent, null, null);
	}

	/**
	 * The change from the appeal's classification to the one asked for, or null when nothing changes. A null
	 * category, municipality or urgency keeps that part as it is; {@code settlementAfter} is the settlement
	 * after the change (null: none), already checked against the municipality and in the gazetteer's spelling.
	 */
	public static @Nullable ClassificationChange between(Appeal appeal, @Nullable Category category,
			@Nullable Municipality municipality, @Nullable String settlementAfter, @Nullable Boolean urgent) {
		boolean category2 = category != null && category != appeal.category();
		boolean municipality2 = municipality != null && municipality != appeal.municipality();
		boolean urgent2 = urgent != null && urgent != appeal.urgent();
		boolean settlement2 = !Objects.equals(settlementAfter, appeal.settlement());
		if (!category2 && !municipality2 && !urgent2 && !settlement2) {
			return null;
		}
		return new ClassificationChange(category2 ? appeal.category() : null, category2 ? category : null,
				municipality2 ? appeal.municipality() : null, municipality2 ? municipality : null,
				urgent2 ? appeal.urgent() : null, urgent2 ? urgent : null, settlement2 ? appeal.settlement() : null,
				settlement2 ? settlementAfter : null);
	}

	/** The category after the change: the new one, or the appeal's own when this change kept it. */
	public Category categoryOr(Category current) {
		return (this.toCategory != null) ? this.toCategory : current;
	}

	/** Whether this change names the settlement (set, replaced or dropped). */
	public boolean changesSettlement() {
		return this.fromSettlement != null || this.toSettlement != null;
	}

}
