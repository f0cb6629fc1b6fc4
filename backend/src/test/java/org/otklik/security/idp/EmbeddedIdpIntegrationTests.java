package org.otklik.security.idp;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.otklik.security.PkceBrowser;
import org.otklik.security.SecurityIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded identity provider behind the {@code /idp} proxy: the PKCE login a browser performs, the
 * integrator's client credentials, and the tokens the API accepts from both.
 */
@SecurityIntegrationTest
class EmbeddedIdpIntegrationTests {

	private static final String PROBE = "{\"query\":\"{ __typename securityProbe { id roles agency clientId } }\"}";

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void apiStaysReactiveOnNettyWhileTheProviderRunsOnItsOwnTomcat() {
		assertThat(this.context.getWebServer()).isInstanceOf(NettyWebServer.class);
		// The provider starts on the first /idp request (which another test may already have made).
		HttpResponse<String> response = new PkceBrowser()
			.get(base() + "/idp/.well-known/openid-configuration", Map.of("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.context.getBean(EmbeddedIdentityProvider.class).port()).isPositive()
			.isNotEqualTo(this.port);
	}

	@Test
	void discoveryDocumentNamesTheConfiguredIssuer() {
		HttpResponse<String> response = new PkceBrowser()
			.get(base() + "/idp/.well-known/openid-configuration", Map.of("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.issuer")).isEqualTo(SecurityIntegrationTest.ISSUER);
		assertThat((String) JsonPath.read(response.body(), "$.authorization_endpoint"))
			.isEqualTo(SecurityIntegrationTest.ISSUER + "/oauth2/authorize");
		assertThat((List<String>) JsonPath.read(response.body(), "$.code_challenge_methods_supported")).contains("S256");
	}

	@Test
	void pkceLoginYieldsKeycloakShapedTokensThatTheApiAccepts() throws Exception {
		var browser = new PkceBrowser();
		String tokens = browser.login(base(), "exec.health", "demo", "http://localhost:8080/auth/callback");
		String accessToken = JsonPath.read(tokens, "$.access_token");
		assertThat((String) JsonPath.read(tokens, "$.id_token")).isNotBlank();

		var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(SecurityIntegrationTest.ISSUER);
		assertThat(claims.getAudience()).containsExactly("otklik-api");
		assertThat(claims.getSubject()).isEqualTo("exec.health");
		assertThat(claims.getStringClaim("azp")).isEqualTo("otklik-pwa");
		assertThat(claims.getStringClaim("agency")).isEqualTo("MINZDRAV");
		assertThat(claims.getJSONObjectClaim("realm_access")).containsEntry("roles", List.of("executor"));

		HttpResponse<String> api = browser.postJson(base() + "/graphql", PROBE, accessToken);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(api.body(), "$.data.__typename")).isEqualTo("Query");
		assertThat((List<String>) JsonPath.read(api.body(), "$.data.securityProbe.roles")).containsExactly("EXECUTOR");
		assertThat((String) JsonPath.read(api.body(), "$.data.securityProbe.agency")).isEqualTo("MINZDRAV");
	}

	@Test
	void everyDemoUserCanSignInWithTheirRoleAndAgency() throws Exception {
		Map<String, List<Object>> expected = Map.of("curator", List.of("curator", "-"), "head.health",
				List.of("head", "MINZDRAV"), "exec.tenka", List.of("executor", "TENKA"));
		for (var entry : expected.entrySet()) {
			String tokens = new PkceBrowser()
				.login(base(), entry.getKey(), "demo", "http://127.0.0.1:8080/");
			var claims = SignedJWT.parse((String) JsonPath.read(tokens, "$.access_token")).getJWTClaimsSet();
			assertThat(claims.getJSONObjectClaim("realm_access")).containsEntry("roles", List.of(entry.getValue().get(0)));
			String agency = claims.getStringClaim("agency");
			assertThat((agency != null) ? agency : "-").isEqualTo(entry.getValue().get(1));
		}
	}

	@Test
	void demoIntegratorGetsAnIntegratorTokenWithClientCredentials() throws Exception {
		var browser = new PkceBrowser();
		String basic = Base64.getEncoder().encodeToString("demo-integrator:demo-integrator-secret".getBytes());
		HttpResponse<String> response = browser.postForm(base() + "/idp/oauth2/token",
				Map.of("grant_type", "client_credentials"), "Authorization", "Basic " + basic);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String accessToken = JsonPath.read(response.body(), "$.access_token");
		var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
		assertThat(claims.getStringClaim("azp")).isEqualTo("demo-integrator");
		assertThat(claims.getAudience()).containsExactly("otklik-api");
		assertThat(claims.getJSONObjectClaim("realm_access")).containsEntry("roles", List.of("integrator"));

		HttpResponse<String> api = browser.postJson(base() + "/graphql", PROBE, accessToken);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(api.body(), "$.data.securityProbe.roles")).containsExactly("INTEGRATOR");
		assertThat((String) JsonPath.read(api.body(), "$.data.securityProbe.clientId")).isEqualTo("demo-integrator");
	}

	@Test
	void wrongClientSecretIsRefused() {
		String basic = Base64.getEncoder().encodeToString("demo-integrator:wrong".getBytes());
		HttpResponse<String> response = new PkceBrowser()
			.postForm(base() + "/idp/oauth2/token", Map.of("grant_type", "client_credentials"), "Authorization",
					"Basic " + basic);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void authorizationWithoutPkceIsRefused() {
		var browser = new PkceBrowser();
		HttpResponse<String> response = browser.get(base()
				+ "/idp/oauth2/authorize?response_type=code&client_id=otklik-pwa&scope=openid&state=s"
				+ "&redirect_uri=http://localhost:8080/auth/callback");
		// Without a session the user is first sent to log in; after that the request fails.
		if (response.statusCode() == 302 && PkceBrowser.location(response).contains("/idp/login")) {
			String csrf = PkceBrowser.csrf(browser.get(PkceBrowser.location(response)).body());
			var loggedIn = browser.postForm(base() + "/idp/login",
					Map.of("username", "curator", "password", "demo", "_csrf", csrf));
			response = browser.get(PkceBrowser.location(loggedIn));
		}
		assertThat(PkceBrowser.location(response)).contains("error=invalid_request").doesNotContain("code=");
	}

	@Test
	void unregisteredRedirectUriIsNeverRedirectedTo() {
		HttpResponse<String> response = new PkceBrowser()
			.get(base() + "/idp/oauth2/authorize?response_type=code&client_id=otklik-pwa&scope=openid&state=s"
					+ "&redirect_uri=https://evil.example/cb&code_challenge=abc&code_challenge_method=S256");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void redirectsUseThePublicOriginAndIgnoreClientForwardedHeaders() {
		HttpResponse<String> response = new PkceBrowser()
			.get(base() + "/idp/oauth2/authorize?response_type=code&client_id=otklik-pwa&scope=openid&state=s"
					+ "&redirect_uri=http://localhost:8080/&code_challenge=abc&code_challenge_method=S256",
					Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(PkceBrowser.location(response)).isEqualTo(base() + "/idp/login");
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("OTKLIK_IDP=")
			.contains("Path=/idp")
			.contains("HttpOnly"));
	}

	@Test
	void logoutReturnsToThePwaSignInScreen() throws Exception {
		var browser = new PkceBrowser();
		String tokens = browser.login(base(), "curator", "demo", "http://localhost:8080/auth/callback");
		String idToken = JsonPath.read(tokens, "$.id_token");
		HttpResponse<String> logout = browser.get(base() + "/idp/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + PkceBrowser.enc("http://localhost:8080/sign-in") + "&state=bye");
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(PkceBrowser.location(logout)).isEqualTo("http://localhost:8080/sign-in?state=bye");
	}

	@Test
	void loginPageIsRussianAndListsTheDemoAccounts() {
		HttpResponse<String> page = new PkceBrowser().get(base() + "/idp/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/html"));
		assertThat(page.body()).contains("lang=\"ru\"", "Вход в «Отклик»", "Демонстрационные учётные записи", "curator",
				"head.health", "exec.health", "exec.tenka", "Тенькинского", "только для демонстрации");
		// On a phone the demo accounts are what a visitor needs first: they come before the form.
		assertThat(page.body().indexOf("Демонстрационные учётные записи")).isLessThan(page.body().indexOf("id=\"login\""));
	}

	@Test
	void wrongPasswordShowsAnErrorInRussian() {
		var browser = new PkceBrowser();
		String csrf = PkceBrowser.csrf(browser.get(base() + "/idp/login").body());
		var response = browser.postForm(base() + "/idp/login",
				Map.of("username", "curator", "password", "wrong", "_csrf", csrf));
		assertThat(PkceBrowser.location(response)).endsWith("/idp/login?error");
		assertThat(browser.get(PkceBrowser.location(response)).body())
			.contains("Неверное имя пользователя или пароль");
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() {
		var response = new PkceBrowser()
			.postForm(base() + "/idp/login", Map.of("username", "curator", "password", "demo"));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void authConfigAnnouncesTheEmbeddedIssuer() {
		HttpResponse<String> response = new PkceBrowser()
			.get(base() + "/auth/config", Map.of("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.issuer")).isEqualTo(SecurityIntegrationTest.ISSUER);
		assertThat((String) JsonPath.read(response.body(), "$.clientId")).isEqualTo("otklik-pwa");
		assertThat((String) JsonPath.read(response.body(), "$.scope")).isEqualTo("openid profile");
		assertThat((Boolean) JsonPath.read(response.body(), "$.embedded")).isTrue();
	}

}
