package org.otklik.routing.internal;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.Settlements;
import org.otklik.region.Municipality;

import org.springframework.stereotype.Component;

/**
 * The appeal feature's view of the region's settlements, from the same gazetteer the router reads, so a
 * settlement set at intake is the one the suggestion shows.
 */
@Component
class GazetteerSettlements implements Settlements {

	private final Gazetteer gazetteer = Gazetteer.shipped();

	@Override
	public @Nullable String settlementOf(Municipality municipality, String name) {
		return this.gazetteer.settlementOf(municipality, name);
	}

	@Override
	public @Nullable Place named(String text) {
		Gazetteer.Result found = this.gazetteer.find(text);
		return (found.municipality() != null && found.settlement() != null)
				? new Place(found.municipality(), found.settlement()) : null;
	}

}
