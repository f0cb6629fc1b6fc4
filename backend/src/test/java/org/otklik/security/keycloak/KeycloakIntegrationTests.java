package org.otklik.security.keycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.otklik.security.GraphQlWsSession;
import org.otklik.security.PkceBrowser;
import org.otklik.security.SecurityTestConfiguration;
import org.otklik.security.idp.EmbeddedIdentityProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API against a real Keycloak with the production realm ({@code deploy/keycloak/otklik-realm.json}), the
 * demo accounts ({@code otklik-realm-demo.json}) and the test-only password-grant client. Runs only with {@code -Pkeycloak}, which sets
 * {@code otklik.keycloak.url}; start Keycloak first with {@code .ci/keycloak.sh}. It fails, never skips,
 * when the property is missing or Keycloak does not answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "otklik.storage.embedded.backend=memory",
				"spring.graphql.schema.locations=classpath:graphql/,classpath:graphql-security-test/" })
@Import(SecurityTestConfiguration.class)
class KeycloakIntegrationTests {

	static final String PROPERTY = "otklik.keycloak.url";

	private static final String PROBE = "{\"query\":\"{ __typename securityProbe { id roles agency clientId } }\"}";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	static String keycloak() {
		String url = System.getProperty(PROPERTY);
		if (url == null || url.isBlank()) {
			fail("Set -D" + PROPERTY + " (the keycloak Maven profile does): ./mvnw -f backend/pom.xml -Pkeycloak test");
		}
		return url.replaceAll("/+$", "");
	}

	static String issuer() {
		return keycloak() + "/realms/otklik";
	}

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("otklik.security.issuer-uri", KeycloakIntegrationTests::issuer);
	}

	@BeforeAll
	static void keycloakIsReachable() {
		String discovery = issuer() + "/.well-known/openid-configuration";
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s", discovery).isEqualTo(200);
		}
		catch (Exception ex) {
			fail("Keycloak is not reachable at " + discovery + " (start it with .ci/keycloak.sh): " + ex);
		}
	}

	@Test
	void everyDemoUserIsAcceptedWithTheirRoleAndAgency() {
		Map<String, List<String>> expected = Map.of("curator", List.of("CURATOR", "-"), "head.health",
				List.of("HEAD", "MINZDRAV"), "exec.health", List.of("EXECUTOR", "MINZDRAV"), "exec2.health", List.of("EXECUTOR", "MINZDRAV"), "exec.tenka",
				List.of("EXECUTOR", "TENKA"));
		expected.forEach((username, roleAndAgency) -> {
			String token = passwordGrant(username, "demo");
			HttpResponse<String> api = new PkceBrowser().postJson(api(), PROBE, token);
			assertThat(api.statusCode()).as(username).isEqualTo(200);
			assertThat((String) JsonPath.read(api.body(), "$.data.__typename")).isEqualTo("Query");
			assertThat((List<String>) JsonPath.read(api.body(), "$.data.securityProbe.roles")).as(username)
				.containsExactly(roleAndAgency.get(0));
			String agency = JsonPath.read(api.body(), "$.data.securityProbe.agency");
			assertThat((agency != null) ? agency : "-").as(username).isEqualTo(roleAndAgency.get(1));
			assertThat((String) JsonPath.read(api.body(), "$.data.securityProbe.clientId")).isEqualTo("otklik-test");
		});
	}

	@Test
	void demoIntegratorServiceAccountIsAnIntegrator() {
		String basic = Base64.getEncoder().encodeToString("demo-integrator:demo-integrator-secret".getBytes());
		HttpResponse<String> response = new PkceBrowser().postForm(tokenEndpoint(),
				Map.of("grant_type", "client_credentials"), "Authorization", "Basic " + basic);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		HttpResponse<String> api = new PkceBrowser().postJson(api(), PROBE,
				(String) JsonPath.read(response.body(), "$.access_token"));
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(api.body(), "$.data.securityProbe.roles")).containsExactly("INTEGRATOR");
		assertThat((String) JsonPath.read(api.body(), "$.data.securityProbe.clientId")).isEqualTo("demo-integrator");
	}

	@Test
	void keycloakTokenAuthenticatesAWebSocket() {
		String token = passwordGrant("exec.tenka", "demo");
		GraphQlWsSession session = GraphQlWsSession.run(URI.create("ws://localhost:" + this.port + "/graphql"),
				"{\"Authorization\":\"Bearer " + token + "\"}", (message, ws) -> {
					if (message.contains("connection_ack")) {
						ws.subscribe("1", "{ securityProbe { agency } }");
					}
					else if (message.contains("\"complete\"")) {
						ws.close();
					}
				}, Duration.ofSeconds(10));
		assertThat(session.received()).anyMatch(m -> m.contains("\"agency\":\"TENKA\""));
	}

	@Test
	void thePwaClientCannotUseThePasswordGrant() {
		HttpResponse<String> response = new PkceBrowser().postForm(tokenEndpoint(), Map.of("grant_type", "password",
				"client_id", "otklik-pwa", "username", "curator", "password", "demo"));
		assertThat(response.statusCode()).isIn(400, 401);
		assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("unauthorized_client");
	}

	@Test
	void thePwaClientMustUsePkce() {
		HttpResponse<String> response = new PkceBrowser().get(issuer() + "/protocol/openid-connect/auth"
				+ "?response_type=code&client_id=otklik-pwa&scope=openid&state=s"
				+ "&redirect_uri=" + PkceBrowser.enc("http://localhost:8080/auth/callback"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PkceBrowser.location(response)).startsWith("http://localhost:8080/auth/callback")
			.contains("error=invalid_request")
			.doesNotContain("code=");
	}

	@Test
	void aTokenWithoutTheApiAudienceIsRefused() {
		// Keycloak's built-in admin-cli client has no audience mapper: its tokens carry no aud at all.
		HttpResponse<String> response = new PkceBrowser().postForm(tokenEndpoint(), Map.of("grant_type", "password",
				"client_id", "admin-cli", "username", "curator", "password", "demo"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String token = JsonPath.read(response.body(), "$.access_token");
		assertThat(new PkceBrowser().postJson(api(), PROBE, token).statusCode()).isEqualTo(401);
	}

	@Test
	void withAnIssuerTheEmbeddedProviderDoesNotRunAndAuthConfigNamesKeycloak() {
		assertThat(this.context.getBeanNamesForType(EmbeddedIdentityProvider.class)).isEmpty();
		assertThat(new PkceBrowser().get("http://localhost:" + this.port + "/idp/login").statusCode()).isEqualTo(404);
		HttpResponse<String> config = new PkceBrowser().get("http://localhost:" + this.port + "/auth/config",
				Map.of("Accept", "application/json"));
		assertThat((String) JsonPath.read(config.body(), "$.issuer")).isEqualTo(issuer());
		assertThat((String) JsonPath.read(config.body(), "$.clientId")).isEqualTo("otklik-pwa");
		assertThat((Boolean) JsonPath.read(config.body(), "$.embedded")).isFalse();
	}

	private String passwordGrant(String username, String password) {
		HttpResponse<String> response = new PkceBrowser().postForm(tokenEndpoint(), Map.of("grant_type", "password",
				"client_id", "otklik-test", "username", username, "password", password, "scope", "openid"));
		assertThat(response.statusCode()).as("%s: %s", username, response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

	private static String tokenEndpoint() {
		return issuer() + "/protocol/openid-connect/token";
	}

	private String api() {
		return "http://localhost:" + this.port + "/graphql";
	}

}
