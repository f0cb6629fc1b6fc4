package org.otklik.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser holds for a push subscription (a P-256 key pair and a 16-byte auth secret), with the
 * receiving side of RFC 8291 (aes128gcm) and a check of RFC 8292's VAPID header, in plain JDK crypto so the
 * test does not trust the library it checks.
 */
final class BrowserSubscription {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final KeyPair keys;

	private final byte[] auth = new byte[16];

	final String endpoint;

	BrowserSubscription(String endpoint) throws Exception {
		this.endpoint = endpoint;
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		this.keys = generator.generateKeyPair();
		new SecureRandom().nextBytes(this.auth);
	}

	String p256dh() {
		return B64.encodeToString(uncompressed((ECPublicKey) this.keys.getPublic()));
	}

	String auth() {
		return B64.encodeToString(this.auth);
	}

	Map<String, Object> input(String label) {
		return Map.of("endpoint", this.endpoint, "p256dh", p256dh(), "auth", auth(), "label", label);
	}

	/** RFC 8291 §3–4 as the browser does it: the plaintext of one aes128gcm record. */
	String decrypt(byte[] body) throws Exception {
		ByteBuffer in = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		in.get(salt);
		int recordSize = in.getInt();
		int idLength = in.get() & 0xff;
		byte[] serverPublic = new byte[idLength];
		in.get(serverPublic);
		byte[] ciphertext = new byte[in.remaining()];
		in.get(ciphertext);
		if (ciphertext.length > recordSize) {
			throw new AssertionError("one record expected");
		}

		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(this.keys.getPrivate());
		agreement.doPhase(publicKey(serverPublic), true);
		byte[] ecdhSecret = agreement.generateSecret();

		byte[] uaPublic = uncompressed((ECPublicKey) this.keys.getPublic());
		byte[] prkKey = hmac(this.auth, ecdhSecret);
		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, serverPublic, new byte[] { 1 });
		byte[] ikm = hmac(prkKey, keyInfo);
		byte[] prk = hmac(salt, ikm);
		byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
				new byte[] { 1 })), 16);
		byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
				new byte[] { 1 })), 12);

		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		// The last record ends with the delimiter 0x02 and then zero padding.
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new AssertionError("no last-record delimiter");
		}
		return new String(padded, 0, end, StandardCharsets.UTF_8);
	}

	/**
	 * Checks {@code Authorization: vapid t=<jwt>, k=<key>} (RFC 8292 §3): the token verifies with the key,
	 * and returns the token's claims and the key.
	 */
	static Map<String, String> verifyVapid(String authorization) throws Exception {
		if (!authorization.startsWith("vapid ")) {
			throw new AssertionError("not a vapid header: " + authorization);
		}
		Map<String, String> parts = new HashMap<>();
		for (String part : authorization.substring(6).split(",")) {
			int eq = part.indexOf('=');
			parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
		}
		String[] jwt = parts.get("t").split("\\.");
		byte[] key = Base64.getUrlDecoder().decode(parts.get("k"));
		Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
		verifier.initVerify(publicKey(key));
		verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
			throw new AssertionError("the VAPID token does not verify with its key");
		}
		Map<String, String> result = new HashMap<>();
		result.put("k", parts.get("k"));
		result.put("header", new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8));
		result.put("claims", new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
		return result;
	}

	static ECPublicKey publicKey(byte[] uncompressed) throws Exception {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new AssertionError("not an uncompressed P-256 point");
		}
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
	}

	private static byte[] uncompressed(ECPublicKey key) {
		byte[] out = new byte[65];
		out[0] = 4;
		copy(key.getW().getAffineX(), out, 1);
		copy(key.getW().getAffineY(), out, 33);
		return out;
	}

	private static void copy(BigInteger value, byte[] out, int offset) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
	}

	private static byte[] hmac(byte[] key, byte[] data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] out = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, out, at, part.length);
			at += part.length;
		}
		return out;
	}

}
