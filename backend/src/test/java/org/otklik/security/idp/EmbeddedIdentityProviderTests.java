package org.otklik.security.idp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.otklik.security.IdentityKeys;
import org.otklik.security.idp.server.IdpServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded identity provider starts on its first use, not with the application: one child for every
 * request that waits for it, none once the application stops.
 */
class EmbeddedIdentityProviderTests {

	/** Context key Spring Security's servlet Reactor hook adds to every subscriber it wraps. */
	private static final String SERVLET_SECURITY_ATTRIBUTES = "org.springframework.security.SECURITY_CONTEXT_ATTRIBUTES";

	private final EmbeddedIdentityProvider provider = new EmbeddedIdentityProvider(new IdpServerSettings(
			new IdentityKeys(), "http://localhost:8080/idp", "otklik-api", List.of("http://localhost:8080/"),
			List.of("http://localhost:8080/"), "demo", "secret", Duration.ofMinutes(15), Duration.ofHours(1)));

	@AfterEach
	void stop() {
		this.provider.stop();
	}

	@Test
	void startingTheApplicationDoesNotStartTheProvider() {
		this.provider.start();

		assertThat(this.provider.isRunning()).isTrue();
		assertThat(this.provider.port()).isEqualTo(-1);
	}

	@Test
	void theFirstUseStartsOneProviderForEveryoneWaiting() throws Exception {
		this.provider.start();

		List<Integer> ports = Flux.range(0, 4)
			.flatMap(i -> this.provider.ready())
			.collectList()
			.block(Duration.ofMinutes(5));

		assertThat(ports).hasSize(4).containsOnly(this.provider.port());
		assertThat(this.provider.port()).isPositive();
		HttpResponse<String> discovery = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.provider.port()
					+ "/idp/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(this.provider.ready().block(Duration.ofSeconds(5))).isEqualTo(this.provider.port());
	}

	@Test
	void theRunningProviderLeavesNoServletSecurityHookOnReactorChains() {
		this.provider.start();
		this.provider.ready().block(Duration.ofMinutes(5));

		// The servlet security's Reactor hook is global: it would put servlet attributes into every subscriber's context.
		Boolean wrapped = Mono.deferContextual(context -> Mono.just(context.hasKey(SERVLET_SECURITY_ATTRIBUTES)))
			.block(Duration.ofSeconds(5));

		assertThat(wrapped).isFalse();
	}

	@Test
	void aStoppedProviderNeitherStartsNorKeepsItsPort() {
		this.provider.start();
		this.provider.ready().block(Duration.ofMinutes(5));

		this.provider.stop();

		assertThat(this.provider.port()).isEqualTo(-1);
		assertThat(this.provider.isRunning()).isFalse();
		Mono<Integer> again = this.provider.ready();
		assertThatThrownBy(() -> again.block(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void nothingStartsBeforeTheApplicationDoes() {
		assertThatThrownBy(() -> this.provider.ready().block(Duration.ofSeconds(5)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(this.provider.port()).isEqualTo(-1);
	}

}
