package org.otklik.security.idp;

import org.junit.jupiter.api.Test;

import org.otklik.security.IdentityKeys;
import org.otklik.security.SecurityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded demo provider can never run next to a configured production issuer. (That it does run
 * without one is shown by every {@code @SecurityIntegrationTest}.)
 */
class EmbeddedIdpGuardTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedIdpGuard.class, Keys.class, EmbeddedIdpConfiguration.class);

	@Test
	void explicitlyEnablingTheEmbeddedProviderNextToAnIssuerStopsTheApplication() {
		this.runner
			.withPropertyValues("otklik.security.issuer-uri=https://sso.example.ru/realms/otklik",
					"otklik.security.embedded-idp.enabled=true")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("must never run next to a production issuer");
			});
	}

	@Test
	void withAnIssuerTheEmbeddedProviderIsNotCreated() {
		this.runner.withPropertyValues("otklik.security.issuer-uri=https://sso.example.ru/realms/otklik")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(EmbeddedIdentityProvider.class);
				assertThat(context).doesNotHaveBean(IdpProxy.class);
			});
	}

	@Test
	void disablingTheEmbeddedProviderWithoutAnIssuerLeavesItOut() {
		this.runner.withPropertyValues("otklik.security.embedded-idp.enabled=false").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(EmbeddedIdentityProvider.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ SecurityProperties.class, EmbeddedIdpProperties.class })
	static class Keys {

		@Bean
		IdentityKeys identityKeys() {
			return new IdentityKeys();
		}

	}

}
