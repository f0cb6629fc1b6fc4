package org.otklik.security;

import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The signing key of the embedded identity provider. It exists only when no external issuer is
 * configured, and it is generated at start, so tokens never outlive the process that issued them.
 */
public final class IdentityKeys {

	private final RSAKey signingKey;

	public IdentityKeys() {
		try {
			this.signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate the embedded identity provider's key", ex);
		}
	}

	/** The private signing key (only the embedded provider and tests may sign with it). */
	public RSAKey signingKey() {
		return this.signingKey;
	}

	/** The public half, as published in the JWKS. */
	public RSAKey publicKey() {
		return this.signingKey.toPublicJWK();
	}

}
