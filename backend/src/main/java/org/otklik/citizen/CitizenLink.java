package org.otklik.citizen;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A public link to one appeal's page. The token is 128 bits of {@code SecureRandom} in base64url (22
 * characters). It is stored as is, because it must be shown again (in every later answer sent through a
 * channel, and to staff who tell it by phone), and the page it opens holds no personal data; lookups go by
 * its SHA-256 ({@code tokenHash}), so the database's index comparison never works on the token itself, and
 * the token is then compared in constant time.
 *
 * @param id the appeal's id and the link's generation ({@code appealId:0}, {@code :1} after a reissue), so
 *           that two instances issuing at once create one link
 * @param revokedAt set when a curator revoked the link; the page then answers 410
 */
@Document(CitizenLink.COLLECTION)
public record CitizenLink(@Id String id, String appealId, String token, String tokenHash, Instant createdAt,
		@Nullable Instant revokedAt, @Nullable String revokedBy) {

	public static final String COLLECTION = "citizen_links";

	public boolean active() {
		return this.revokedAt == null;
	}

	/** The path of the page, {@code /c/<token>}. */
	public String path() {
		return "/c/" + this.token;
	}

}
