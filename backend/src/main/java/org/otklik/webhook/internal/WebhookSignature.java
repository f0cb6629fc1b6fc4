package org.otklik.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Otklik-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} of
 * {@code t + "." + body} under the webhook's secret (as Stripe signs). The timestamp is inside the
 * signed text, so a receiver that refuses old timestamps refuses replays of a captured request.
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Otklik-Signature";

	private WebhookSignature() {
	}

	public static String header(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
