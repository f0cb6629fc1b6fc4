package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Municipality;

/**
 * The region's settlements as the appeal feature needs them: to check a settlement a sender or a curator
 * names against its municipality, and to take the one an appeal's text names. The {@code routing} feature
 * implements it from its gazetteer, so both agree with the routing suggestion's {@code settlement}.
 */
public interface Settlements {

	/**
	 * The gazetteer's spelling of a settlement of the municipality (a town or village, or the city of
	 * Magadan), given in any letter case and with ё or е; null when the municipality has no such settlement.
	 */
	@Nullable String settlementOf(Municipality municipality, String name);

	/** The place a text names, as the routing suggestion reads it; null when it names no settlement. */
	@Nullable Place named(String text);

	/**
	 * A settlement and the municipality it belongs to.
	 *
	 * @param municipality the municipal okrug
	 * @param settlement the settlement's name
	 */
	record Place(Municipality municipality, String settlement) {
	}

}
