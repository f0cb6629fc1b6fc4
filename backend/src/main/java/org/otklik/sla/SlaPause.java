package org.otklik.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * An interval {@code [from, to)} during which an appeal's clocks stop, for example while waiting for the
 * citizen's reply.
 *
 * @param from when the clocks stopped
 * @param to when they resumed; {@code null} while the pause lasts
 * @param reason why, in Russian, shown to staff
 */
public record SlaPause(Instant from, Instant to, String reason) {

	public SlaPause {
		Objects.requireNonNull(from, "from");
		if (to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("A pause cannot end (" + to + ") before it starts (" + from + ")");
		}
	}

	public boolean isOpen() {
		return this.to == null;
	}

}
