package org.otklik.security;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import reactor.core.publisher.Mono;

/**
 * The signing key of the embedded identity provider. It exists only when no external issuer is
 * configured, and it is generated at start, so tokens never outlive the process that issued them.
 * <p>
 * The 2048-bit key is generated on a thread of its own, begun when this object is made: the prime search
 * took 1–2 s of the main thread's start with the first JIT tier alone (a fifth of a restart's samples), while
 * the context's single-threaded start left the second core mostly idle. Nothing needs the key before the first
 * token arrives; {@link #publicKeyWhenReady()} waits for it without blocking.
 */
public final class IdentityKeys {

	private final CompletableFuture<RSAKey> signingKey;

	public IdentityKeys() {
		this.signingKey = new CompletableFuture<>();
		Thread generator = new Thread(() -> {
			try {
				this.signingKey.complete(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
			}
			catch (JOSEException | RuntimeException ex) {
				this.signingKey.completeExceptionally(
						new IllegalStateException("Cannot generate the embedded identity provider's key", ex));
			}
		}, "identity-key");
		generator.setDaemon(true);
		generator.start();
	}

	/** The private signing key (only the embedded provider and tests may sign with it); waits for it once. */
	public RSAKey signingKey() {
		return this.signingKey.join();
	}

	/** The public half, as published in the JWKS; waits for the key once. */
	public RSAKey publicKey() {
		return signingKey().toPublicJWK();
	}

	/** The public half once generated, without blocking the caller's thread (for token validation). */
	public Mono<RSAKey> publicKeyWhenReady() {
		return Mono.fromFuture(this.signingKey, true).map(RSAKey::toPublicJWK);
	}

}
