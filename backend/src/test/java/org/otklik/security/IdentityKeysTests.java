package org.otklik.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityKeysTests {

	@Test
	void thePublicKeyWhenReadyIsThePublicHalfOfTheSigningKey() throws Exception {
		IdentityKeys keys = new IdentityKeys();

		var ready = keys.publicKeyWhenReady().block(Duration.ofMinutes(1));

		assertThat(ready).isNotNull();
		assertThat(ready.isPrivate()).isFalse();
		assertThat(ready).isEqualTo(keys.publicKey());
		assertThat(ready.toRSAPublicKey()).isEqualTo(keys.signingKey().toRSAPublicKey());
		assertThat(keys.signingKey().isPrivate()).isTrue();
		assertThat(keys.signingKey().size()).isEqualTo(2048);
	}

	@Test
	void everyProcessGetsAKeyOfItsOwn() {
		IdentityKeys one = new IdentityKeys();
		IdentityKeys other = new IdentityKeys();

		assertThat(one.signingKey().getKeyID()).isNotEqualTo(other.signingKey().getKeyID());
		assertThat(one.publicKey().toRSAKey().getModulus()).isNotEqualTo(other.publicKey().toRSAKey().getModulus());
	}

}
