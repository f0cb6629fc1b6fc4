package org.otklik.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * The one extension of the final-answer term that a policy may allow (59-ФЗ: 30 more days with notice to
 * the citizen); the length comes from {@link SlaPolicy#extension()}.
 *
 * @param grantedAt when it was granted
 * @param reason why, required by law and shown to the citizen
 */
public record SlaExtension(Instant grantedAt, String reason) {

	public SlaExtension {
		Objects.requireNonNull(grantedAt, "grantedAt");
	}

}
