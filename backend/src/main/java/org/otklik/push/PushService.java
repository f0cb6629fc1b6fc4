package org.otklik.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.push.internal.PushStore;
import org.otklik.push.internal.VapidKeyStore;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Staff (curators, executors, heads) register their browsers for push, switch kinds of notice per device,
 * remove devices and set quiet hours; each manages only their own, and another user's device is not found.
 * Integrators are refused: a service account has no browser to notify.
 */
@Service
public class PushService {

	static final int MAX_PAGE = 100;

	static final int MAX_ENDPOINT = 2048;

	static final int MAX_LABEL = 100;

	private static final Role[] STAFF = { Role.CURATOR, Role.EXECUTOR, Role.HEAD };

	private final PushStore store;

	private final VapidKeyStore keys;

	private final PushProperties properties;

	private final Clock clock;

	public PushService(PushStore store, VapidKeyStore keys, PushProperties properties, Clock clock) {
		this.store = store;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/** Input of {@code registerPushDevice}: the browser's {@code PushSubscription} and a name for it. */
	public record RegisterPushDeviceInput(@Nullable String endpoint, @Nullable String p256dh, @Nullable String auth,
			@Nullable String label) {
	}

	/** Input of {@code updatePushDevice}. */
	public record UpdatePushDeviceInput(String deviceId, @Nullable List<PushNoticeKind> notices, @Nullable String label) {
	}

	/** Input of {@code deletePushDevice}. */
	public record DeletePushDeviceInput(String deviceId) {
	}

	/** Input of {@code updatePushSettings}. */
	public record UpdatePushSettingsInput(@Nullable Boolean quietHoursEnabled, @Nullable String quietFrom,
			@Nullable String quietTo, @Nullable String timeZone) {
	}

	/** The payload of {@code registerPushDevice} and {@code updatePushDevice}. */
	public record PushDevicePayload(@Nullable PushDevice device, List<UserError> errors) {
	}

	/** The payload of {@code deletePushDevice}. */
	public record DeletePushDevicePayload(@Nullable String deletedDeviceId, List<UserError> errors) {
	}

	/** The payload of {@code updatePushSettings}. */
	public record PushSettingsPayload(@Nullable PushSettings settings, List<UserError> errors) {
	}

	/** The VAPID public key the browser subscribes with. */
	public String publicKey(Caller caller) {
		caller.requireAny(STAFF);
		return this.keys.publicKey();
	}

	/**
	 * Registers the caller's browser, or refreshes it: the same endpoint again (a new sign-in on the same
	 * browser, renewed keys) updates the one device, and moves it to the caller if another user had it, since
	 * a browser's subscription notifies whoever signs in there now.
	 */
	public Mono<PushDevicePayload> register(Caller caller, RegisterPushDeviceInput input) {
		caller.requireAny(STAFF);
		List<UserError> errors = new ArrayList<>();
		String endpoint = (input.endpoint() != null) ? input.endpoint().trim() : "";
		if (endpoint.isEmpty()) {
			errors.add(UserError.required("endpoint", "Нет адреса подписки"));
		}
		else if (endpoint.length() > MAX_ENDPOINT) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "endpoint", "Адрес подписки длиннее " + MAX_ENDPOINT + " символов"));
		}
		else {
			String problem = endpointProblem(endpoint, this.properties.allowHttpLocalhost());
			if (problem != null) {
				errors.add(UserError.of(UserErrorCode.INVALID, "endpoint", problem));
			}
		}
		if (!isKey(input.p256dh(), 65)) {
			errors.add(UserError.of(UserErrorCode.INVALID, "p256dh", "Ключ подписки должен быть открытым ключом P-256 (65 байт, base64url)"));
		}
		if (!isKey(input.auth(), 16)) {
			errors.add(UserError.of(UserErrorCode.INVALID, "auth", "Секрет подписки должен занимать 16 байт (base64url)"));
		}
		String label = (input.label() != null && !input.label().isBlank()) ? input.label().trim() : "Устройство";
		if (label.length() > MAX_LABEL) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "label", "Название длиннее " + MAX_LABEL + " символов"));
		}
		if (!errors.isEmpty()) {
			return Mono.just(new PushDevicePayload(null, errors));
		}
		List<Role> roles = caller.roles().stream().sorted().toList();
		return this.store.deviceByEndpoint(endpoint)
			.flatMap(existing -> this.store.saveDevice(new PushDevice(existing.id(), caller.id(), roles,
					caller.agencyCode(), endpoint, input.p256dh(), input.auth(), label,
					existing.userId().equals(caller.id()) ? allowed(caller, existing.notices()) : defaults(caller),
					existing.createdAt(), existing.lastSentAt())))
			.switchIfEmpty(Mono.defer(() -> this.store.countDevices(caller.id()).flatMap(count -> {
				if (count >= this.properties.maxDevicesPerUser()) {
					return Mono.error(new TooMany(count));
				}
				return this.store.saveDevice(new PushDevice(new ObjectId().toHexString(), caller.id(), roles,
						caller.agencyCode(), endpoint, input.p256dh(), input.auth(), label, defaults(caller),
						this.clock.instant(), null));
			})))
			.map(device -> new PushDevicePayload(device, List.of()))
			.onErrorResume(TooMany.class, ex -> Mono.just(new PushDevicePayload(null, List.of(UserError.of(
					UserErrorCode.INVALID, "endpoint", "Уже подключено " + ex.count + " устройств: удалите ненужные в профиле")))));
	}

	/** Switches kinds of notice of one of the caller's devices, or renames it. */
	public Mono<PushDevicePayload> update(Caller caller, UpdatePushDeviceInput input) {
		caller.requireAny(STAFF);
		String label = (input.label() != null && !input.label().isBlank()) ? input.label().trim() : null;
		if (label != null && label.length() > MAX_LABEL) {
			return Mono.just(new PushDevicePayload(null,
					List.of(UserError.of(UserErrorCode.TOO_LONG, "label", "Название длиннее " + MAX_LABEL + " символов"))));
		}
		if (input.notices() != null) {
			Set<PushNoticeKind> foreign = EnumSet.noneOf(PushNoticeKind.class);
			foreign.addAll(input.notices());
			foreign.removeAll(PushNoticeKind.forCaller(caller));
			if (!foreign.isEmpty()) {
				return Mono.just(new PushDevicePayload(null, List.of(UserError.of(UserErrorCode.INVALID, "notices",
						"Эти уведомления не для вашей роли: " + foreign))));
			}
		}
		return own(caller, input.deviceId())
			.flatMap(device -> this.store.saveDevice(new PushDevice(device.id(), device.userId(), device.ownerRoles(),
					device.ownerAgencyCode(), device.endpoint(), device.p256dh(), device.auth(),
					(label != null) ? label : device.label(),
					(input.notices() != null) ? List.copyOf(new LinkedHashSet<>(input.notices())) : device.notices(),
					device.createdAt(), device.lastSentAt())))
			.map(device -> new PushDevicePayload(device, List.of()))
			.defaultIfEmpty(new PushDevicePayload(null, List.of(UserError.notFound("deviceId"))));
	}

	/** Removes one of the caller's devices; what still waits for it is dropped. */
	public Mono<DeletePushDevicePayload> delete(Caller caller, DeletePushDeviceInput input) {
		caller.requireAny(STAFF);
		return own(caller, input.deviceId())
			.flatMap(device -> this.store.deleteDevice(device.id(), "Устройство удалено").thenReturn(
					new DeletePushDevicePayload(device.id(), List.of())))
			.defaultIfEmpty(new DeletePushDevicePayload(null, List.of(UserError.notFound("deviceId"))));
	}

	/** The caller's devices in registration order. */
	public Mono<Connection<PushDevice>> devices(Caller caller, @Nullable Integer first, @Nullable String after) {
		caller.requireAny(STAFF);
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE) {
			throw OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE);
		}
		return this.store.devices(caller.id(), cursor(after), size + 1).map(found -> {
			boolean more = found.size() > size;
			List<Connection.Edge<PushDevice>> edges = (more ? found.subList(0, size) : found).stream()
				.map(d -> new Connection.Edge<>(Cursors.encode("p1:" + d.id()), d))
				.toList();
			return new Connection<>(edges, new Connection.PageInfo(more, false,
					edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
		});
	}

	/** The caller's settings, the defaults until they change them. */
	public Mono<PushSettings> settings(Caller caller) {
		caller.requireAny(STAFF);
		return this.store.settings(caller.id()).defaultIfEmpty(PushSettings.defaults(caller.id(), this.properties.zone()));
	}

	/** Changes the caller's quiet hours; fields left out keep their value. */
	public Mono<PushSettingsPayload> updateSettings(Caller caller, UpdatePushSettingsInput input) {
		caller.requireAny(STAFF);
		List<UserError> errors = new ArrayList<>();
		checkTime(input.quietFrom(), "quietFrom", errors);
		checkTime(input.quietTo(), "quietTo", errors);
		if (input.timeZone() != null) {
			try {
				ZoneId.of(input.timeZone());
			}
			catch (DateTimeException ex) {
				errors.add(UserError.of(UserErrorCode.INVALID, "timeZone", "Неизвестный часовой пояс: " + input.timeZone()));
			}
		}
		if (!errors.isEmpty()) {
			return Mono.just(new PushSettingsPayload(null, errors));
		}
		return settings(caller).flatMap(current -> {
			PushSettings next = new PushSettings(caller.id(),
					(input.quietHoursEnabled() != null) ? input.quietHoursEnabled() : current.quietHoursEnabled(),
					(input.quietFrom() != null) ? LocalTime.parse(input.quietFrom()).toString() : current.quietFrom(),
					(input.quietTo() != null) ? LocalTime.parse(input.quietTo()).toString() : current.quietTo(),
					(input.timeZone() != null) ? ZoneId.of(input.timeZone()).getId() : current.timeZone());
			if (next.quietHoursEnabled() && next.quietFrom().equals(next.quietTo())) {
				return Mono.just(new PushSettingsPayload(null, List.of(UserError.of(UserErrorCode.INVALID, "quietTo",
						"Начало и конец тихих часов совпадают"))));
			}
			return this.store.saveSettings(next).map(saved -> new PushSettingsPayload(saved, List.of()));
		});
	}

	private static void checkTime(@Nullable String value, String field, List<UserError> errors) {
		if (value == null) {
			return;
		}
		try {
			if (!value.matches("\\d{2}:\\d{2}")) {
				throw new DateTimeParseException("HH:mm", value, 0);
			}
			LocalTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(UserError.of(UserErrorCode.INVALID, field, "Время в формате ЧЧ:ММ, например 22:00"));
		}
	}

	private Mono<PushDevice> own(Caller caller, @Nullable String deviceId) {
		return this.store.device(deviceId).filter(device -> device.userId().equals(caller.id()));
	}

	private static List<PushNoticeKind> defaults(Caller caller) {
		return List.copyOf(PushNoticeKind.forCaller(caller));
	}

	/** The kinds kept on a device, less those the caller's roles no longer allow. */
	private static List<PushNoticeKind> allowed(Caller caller, List<PushNoticeKind> kinds) {
		Set<PushNoticeKind> allowed = PushNoticeKind.forCaller(caller);
		return kinds.stream().filter(allowed::contains).toList();
	}

	private static @Nullable String cursor(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		String raw = Cursors.decode(after);
		if (!raw.startsWith("p1:") || !ObjectId.isValid(raw.substring(3))) {
			throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор");
		}
		return raw.substring(3);
	}

	private static boolean isKey(@Nullable String value, int bytes) {
		if (value == null || value.isBlank()) {
			return false;
		}
		try {
			byte[] decoded = Base64.getUrlDecoder().decode(value.trim().replace("=", ""));
			return decoded.length == bytes && (bytes != 65 || decoded[0] == 0x04);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Why an endpoint cannot be a push subscription, or null. HTTPS only (RFC 8030 requires it; browsers
	 * only hand out HTTPS endpoints); plain HTTP to this machine is a setting for tests and local development.
	 */
	static @Nullable String endpointProblem(String endpoint, boolean allowHttpLocalhost) {
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (URISyntaxException ex) {
			return "Адрес подписки не разобран: " + ex.getReason();
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
			return "Неверный адрес подписки";
		}
		if (scheme.equals("https")) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
		if (scheme.equals("http") && allowHttpLocalhost && loopback) {
			return null;
		}
		return "Адрес подписки должен быть HTTPS";
	}

	/** More devices than a user may register. */
	private static final class TooMany extends RuntimeException {

		private final long count;

		TooMany(long count) {
			super(null, null, false, false);
			this.count = count;
		}

	}

}
