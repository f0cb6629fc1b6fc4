package org.otklik.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

/**
 * A scripted browser for the authorization code flow with PKCE: a cookie jar, no automatic redirects, and
 * the login form filled in like a person would. Tests use it against the embedded provider.
 */
public final class PkceBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	public PkceBrowser() {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> get(String url, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET();
		headers.forEach(builder::header);
		return send(builder.build());
	}

	public HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder.build());
	}

	public HttpResponse<String> postJson(String url, String json, String bearer) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return send(builder.build());
	}

	/**
	 * Runs the whole flow: authorize, log in, follow back to the authorization endpoint, take the code from
	 * the redirect, and exchange it with the verifier.
	 * @return the token response as JSON
	 */
	public String login(String base, String username, String password, String redirectUri) {
		String verifier = randomUrlSafe(48);
		String state = randomUrlSafe(12);
		String authorize = base + "/idp/oauth2/authorize?response_type=code&client_id=otklik-pwa&scope="
				+ enc("openid profile") + "&redirect_uri=" + enc(redirectUri) + "&state=" + state
				+ "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
		HttpResponse<String> toLogin = expectRedirect(get(authorize));
		HttpResponse<String> loginPage = get(location(toLogin));
		String csrf = csrf(loginPage.body());
		HttpResponse<String> loggedIn = expectRedirect(postForm(base + "/idp/login",
				Map.of("username", username, "password", password, "_csrf", csrf)));
		HttpResponse<String> withCode = expectRedirect(get(location(loggedIn)));
		URI callback = URI.create(location(withCode));
		Map<String, String> query = query(callback);
		if (!state.equals(query.get("state")) || query.get("code") == null) {
			throw new IllegalStateException("No code in " + callback);
		}
		HttpResponse<String> token = postForm(base + "/idp/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", query.get("code"), "redirect_uri", redirectUri,
						"client_id", "otklik-pwa", "code_verifier", verifier));
		if (token.statusCode() != 200) {
			throw new IllegalStateException("Token endpoint answered " + token.statusCode() + ": " + token.body());
		}
		return token.body();
	}

	public static String accessToken(String tokenResponse) {
		return JsonPath.read(tokenResponse, "$.access_token");
	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		return matcher.group(1);
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	public static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public static Map<String, String> query(URI uri) {
		Map<String, String> result = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				result.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return result;
	}

	private static HttpResponse<String> expectRedirect(HttpResponse<String> response) {
		if (response.statusCode() != 302 && response.statusCode() != 303) {
			throw new IllegalStateException("Expected a redirect from " + response.uri() + " but got "
					+ response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
