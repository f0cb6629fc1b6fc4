package org.otklik.push;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A browser's push subscription, owned by the member of staff who allowed it. The owner's roles and agency
 * are copied from their token at registration so that the dispatcher finds an agency's executors among
 * the devices without a directory look-up.
 *
 * @param endpoint the push service's capability URL: secret to everybody but the owner's browser
 * @param p256dh the browser's P-256 public key, base64url
 * @param auth the browser's authentication secret, base64url
 * @param notices the kinds of notice switched on
 * @param lastSentAt when a push service last accepted a notice for it
 */
@Document(PushDevice.COLLECTION)
public record PushDevice(@Id String id, String userId, List<Role> ownerRoles, @Nullable String ownerAgencyCode,
		String endpoint, String p256dh, String auth, String label, List<PushNoticeKind> notices, Instant createdAt,
		@Nullable Instant lastSentAt) {

	public static final String COLLECTION = "push_devices";

	public PushDevice {
		ownerRoles = (ownerRoles != null) ? List.copyOf(ownerRoles) : List.of();
		notices = (notices != null) ? List.copyOf(notices) : List.of();
	}

	/** The push service's origin, for the device list (the full endpoint is a secret of the browser). */
	public String pushService() {
		try {
			URI uri = URI.create(this.endpoint);
			return uri.getScheme() + "://" + uri.getAuthority();
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
