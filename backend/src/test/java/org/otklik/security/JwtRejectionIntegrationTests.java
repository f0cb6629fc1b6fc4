package org.otklik.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a bearer token can be wrong ends in 401 on {@code POST /graphql}, before any GraphQL runs; the
 * same token done right gets 200.
 */
@SecurityIntegrationTest
class JwtRejectionIntegrationTests {

	private static final String QUERY = "{\"query\":\"{ __typename }\"}";

	@LocalServerPort
	int port;

	@Autowired
	IdentityKeys keys;

	@Autowired
	SecurityProperties properties;

	TestTokens tokens;

	@BeforeEach
	void tokens() {
		this.tokens = new TestTokens(this.keys, this.properties);
	}

	@Test
	void validTokenIsAccepted() {
		assertThat(status(this.tokens.curator())).isEqualTo(200);
	}

	@Test
	void missingTokenIsRejected() {
		assertThat(status(null)).isEqualTo(401);
	}

	@Test
	void garbageTokenIsRejected() {
		assertThat(status("not-a-jwt")).isEqualTo(401);
	}

	@Test
	void wrongIssuerIsRejected() {
		assertThat(status(curator().issuer("https://evil.example/realms/otklik").sign())).isEqualTo(401);
	}

	@Test
	void wrongAudienceIsRejected() {
		assertThat(status(curator().audience(List.of("account")).sign())).isEqualTo(401);
	}

	@Test
	void missingAudienceIsRejected() throws Exception {
		String token = curator().audience(null).sign();
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).doesNotContainKey("aud");
		assertThat(status(token)).isEqualTo(401);
	}

	@Test
	void expiredTokenBeyondClockSkewIsRejected() {
		String token = curator().expiresAt(Instant.now().minus(this.properties.clockSkew()).minusSeconds(30)).sign();
		assertThat(status(token)).isEqualTo(401);
	}

	@Test
	void tamperedSignatureIsRejected() {
		String token = this.tokens.curator();
		int lastDot = token.lastIndexOf('.');
		char flipped = (token.charAt(lastDot + 5) == 'A') ? 'B' : 'A';
		String tampered = token.substring(0, lastDot + 5) + flipped + token.substring(lastDot + 6);
		assertThat(status(tampered)).isEqualTo(401);
	}

	@Test
	void tamperedClaimsAreRejected() {
		// An executor promoting themselves to curator by editing the payload and keeping the signature.
		String[] parts = this.tokens.executor("MINZDRAV").split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"executor\"", "\"curator\"");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		assertThat(status(forged)).isEqualTo(401);
	}

	@Test
	void unsignedTokenWithAlgNoneIsRejected() throws Exception {
		String claims = SignedJWT.parse(this.tokens.curator()).getJWTClaimsSet().toString();
		String header = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String body = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		assertThat(status(header + "." + body + ".")).isEqualTo(401);
	}

	@Test
	void tokenSignedByAnUnknownKeyIsRejected() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(this.keys.signingKey().getKeyID()).generate();
		assertThat(status(curator().signedWith(stranger).sign())).isEqualTo(401);
	}

	@Test
	void hmacTokenKeyedWithThePublicKeyIsRejected() throws Exception {
		// The classic algorithm confusion: HS256 "signed" with the RSA public key that anyone can fetch.
		JWTClaimsSet claims = SignedJWT.parse(this.tokens.curator()).getJWTClaimsSet();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		byte[] secret = this.keys.publicKey().toRSAPublicKey().getEncoded();
		jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
		assertThat(status(jwt.serialize())).isEqualTo(401);
	}

	@Test
	void rejectionCarriesABearerChallengeAndNoDetailsInTheBody() {
		var response = new PkceBrowser().postJson(url(), QUERY, curator().audience(List.of("account")).sign());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void anonymousRequestGetsABearerChallengeAndAGraphQlErrorBody() {
		var response = new PkceBrowser().postJson(url(), QUERY, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				value -> assertThat(value).startsWith("application/json"));
		var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		assertThat(body.path("errors")).hasSize(1);
		assertThat(body.path("errors").path(0).path("message").asText()).isNotBlank();
		assertThat(body.path("errors").path(0).path("extensions").path("classification").asText()).isEqualTo("UNAUTHORIZED");
		assertThat(body.path("errors").path(0).path("extensions").path("errorDetail").asText()).isEqualTo("UNAUTHENTICATED");
		assertThat(body.has("data")).isFalse();
	}

	@Test
	void refusedTokenGetsTheSameGraphQlErrorBodyWithTheReasonInTheChallenge() {
		var response = new PkceBrowser().postJson(url(), QUERY, "not-a-jwt");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
		var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		assertThat(body.path("errors").path(0).path("extensions").path("classification").asText()).isEqualTo("UNAUTHORIZED");
	}

	private TestTokens.Builder curator() {
		return this.tokens.builder("curator", "Куратор ЦУР", null, List.of(Role.CURATOR)).claim("azp", "otklik-pwa");
	}

	private int status(String token) {
		return new PkceBrowser().postJson(url(), QUERY, token).statusCode();
	}

	private String url() {
		return "http://localhost:" + this.port + "/graphql";
	}

}
