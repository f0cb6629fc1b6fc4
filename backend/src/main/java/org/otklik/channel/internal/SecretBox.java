package org.otklik.channel.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts channel tokens and secrets at rest with AES-256-GCM. The key comes from
 * {@code OTKLIK_CHANNEL_SECRET_KEY}; the embedded default, which has no environment to configure, keeps a
 * generated key in its data folder instead. Against an external database without the variable there is
 * no key: accounts cannot be connected, and stored ones cannot be used, until it is set.
 */
public final class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final String PREFIX = "v1:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final @Nullable SecretKeySpec key;

	private SecretBox(byte @Nullable [] key) {
		this.key = (key != null) ? new SecretKeySpec(key, "AES") : null;
	}

	/** A box with the configured key, or (embedded default only) the key kept in the data folder. */
	public static SecretBox of(@Nullable String configured, @Nullable Path generatedKeyFile) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.trim());
			if (key.length != 32) {
				throw new IllegalStateException("OTKLIK_CHANNEL_SECRET_KEY must be the base64 of 32 bytes, got " + key.length);
			}
			return new SecretBox(key);
		}
		if (generatedKeyFile == null) {
			log.warn("OTKLIK_CHANNEL_SECRET_KEY is not set: channel accounts cannot be connected or used until it is");
			return new SecretBox(null);
		}
		return new SecretBox(keyFile(generatedKeyFile));
	}

	/** A key for this process only: the embedded in-memory database, whose data dies with it anyway. */
	public static SecretBox ephemeral() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return new SecretBox(key);
	}

	private static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			byte[] key = new byte[32];
			RANDOM.nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system; the folder's own permissions protect it.
			}
			log.info("Generated the key that encrypts channel tokens in {} (set OTKLIK_CHANNEL_SECRET_KEY in production)",
					file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the channel secret key " + file, ex);
		}
	}

	public boolean available() {
		return this.key != null;
	}

	public String seal(String plain) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a channel secret", ex);
		}
	}

	public String open(String sealed) {
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("Not a sealed channel secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A channel secret cannot be decrypted with this key", ex);
		}
	}

	private SecretKeySpec requireKey() {
		if (this.key == null) {
			throw new IllegalStateException("OTKLIK_CHANNEL_SECRET_KEY is not set");
		}
		return this.key;
	}

}
