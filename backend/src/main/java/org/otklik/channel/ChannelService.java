package org.otklik.channel;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.agency.AgencyService;
import org.otklik.channel.internal.ChannelAccounts;
import org.otklik.channel.internal.ChannelConnections;
import org.otklik.channel.internal.ChannelException;
import org.otklik.channel.internal.Deliveries;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Curators connect, change, check and disable channel accounts, and send failed answers again. Tokens
 * and secrets go in and are sealed at once; nothing gives them back.
 */
@Service
public class ChannelService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChannelAccounts accounts;

	private final ChannelConnections connections;

	private final Deliveries deliveries;

	private final AgencyService agencies;

	private final ChannelProperties properties;

	private final Clock clock;

	public ChannelService(ChannelAccounts accounts, ChannelConnections connections, Deliveries deliveries,
			AgencyService agencies, ChannelProperties properties, Clock clock) {
		this.accounts = accounts;
		this.connections = connections;
		this.deliveries = deliveries;
		this.agencies = agencies;
		this.properties = properties;
		this.clock = clock;
	}

	/** Input of {@code connectChannelAccount}. */
	public record ConnectChannelAccountInput(ChannelKind kind, String name, @Nullable String agencyId, String token,
			@Nullable String secret, @Nullable String confirmationCode, @Nullable String externalAccountId,
			@Nullable ChannelMode mode) {
	}

	/** Input of {@code updateChannelAccount}; what is not given stays as it is. */
	public record UpdateChannelAccountInput(String accountId, @Nullable String name, @Nullable String agencyId,
			@Nullable String token, @Nullable String secret, @Nullable String confirmationCode,
			@Nullable String externalAccountId, @Nullable ChannelMode mode, @Nullable Boolean enabled) {
	}

	/** Input of {@code disableChannelAccount} and {@code checkChannelAccount}. */
	public record AccountInput(String accountId) {
	}

	/** Input of {@code retryDelivery}. */
	public record RetryDeliveryInput(String answerId) {
	}

	/** The payload of the account mutations. */
	public record ChannelAccountPayload(@Nullable ChannelAccount account, List<UserError> errors) {
	}

	/** The payload of {@code retryDelivery}. */
	public record RetryDeliveryPayload(boolean retried, List<UserError> errors) {
	}

	public Mono<List<ChannelAccount>> accounts(Caller caller) {
		caller.requireAny(Role.CURATOR);
		return this.accounts.list();
	}

	/** An account as the appeal card shows it (any caller who sees the appeal). */
	public Mono<ChannelAccount> account(@Nullable String id) {
		return this.accounts.byId(id);
	}

	/** The address to paste into the channel's settings, when the public URL is configured. */
	public @Nullable String webhookUrl(ChannelAccount account) {
		if (this.properties.publicUrl() == null || this.properties.publicUrl().isBlank()) {
			return null;
		}
		String base = this.properties.publicUrl().replaceAll("/+$", "") + account.webhookPath();
		if (account.kind() == ChannelKind.OK) {
			String secret = this.connections.secret(account);
			return (secret != null) ? base + "?key=" + secret : base;
		}
		return base;
	}

	/** The secret to give the channel (Telegram's secret token, MAX's subscription secret), for curators. */
	public @Nullable String webhookSecret(ChannelAccount account) {
		return (account.kind() == ChannelKind.TELEGRAM || account.kind() == ChannelKind.MAX) ? this.connections.secret(account)
				: null;
	}

	public Mono<ChannelAccountPayload> connect(Caller caller, ConnectChannelAccountInput input) {
		caller.requireAny(Role.CURATOR);
		List<UserError> errors = new ArrayList<>();
		if (input.kind() == null) {
			errors.add(UserError.required("kind", "Укажите канал"));
		}
		if (blank(input.name())) {
			errors.add(UserError.required("name", "Укажите название аккаунта"));
		}
		if (blank(input.token())) {
			errors.add(UserError.required("token", "Укажите токен доступа"));
		}
		ChannelMode mode = (input.mode() != null) ? input.mode() : ChannelMode.WEBHOOK;
		if (input.kind() == ChannelKind.OK && mode == ChannelMode.LONG_POLL) {
			errors.add(UserError.of(UserErrorCode.INVALID, "mode", "Одноклассники подключаются только через вебхук"));
		}
		if (input.kind() == ChannelKind.VK && blank(input.externalAccountId())) {
			errors.add(UserError.required("externalAccountId", "Укажите идентификатор сообщества ВКонтакте"));
		}
		if (input.kind() == ChannelKind.VK && mode == ChannelMode.WEBHOOK && blank(input.confirmationCode())) {
			errors.add(UserError.required("confirmationCode", "Укажите строку подтверждения из настроек Callback API"));
		}
		if (!this.connections.box().available()) {
			errors.add(UserError.of(UserErrorCode.INVALID, "token",
					"Токены хранятся зашифрованными, а ключ OTKLIK_CHANNEL_SECRET_KEY не задан: попросите администратора задать его"));
		}
		if (!errors.isEmpty()) {
			return Mono.just(new ChannelAccountPayload(null, errors));
		}
		String secret = !blank(input.secret()) ? input.secret().trim()
				: (input.kind() == ChannelKind.VK) ? null : generatedSecret();
		return agencyExists(input.agencyId()).flatMap(exists -> {
			if (!exists) {
				return Mono.just(new ChannelAccountPayload(null, List.of(UserError.notFound("agencyId"))));
			}
			ChannelAccount account = new ChannelAccount(new ObjectId().toHexString(), input.kind(), input.name().trim(),
					input.agencyId(), mode, trim(input.externalAccountId()), this.connections.box().seal(input.token().trim()),
					(secret != null) ? this.connections.box().seal(secret) : null, trim(input.confirmationCode()),
					ChannelHealth.OK, null, null, true, this.clock.instant(), 1, null, null, null);
			return this.accounts.save(account).map(saved -> new ChannelAccountPayload(saved, List.of()));
		});
	}

	public Mono<ChannelAccountPayload> update(Caller caller, UpdateChannelAccountInput input) {
		caller.requireAny(Role.CURATOR);
		return this.accounts.byId(input.accountId()).flatMap(current -> agencyExists(input.agencyId()).flatMap(exists -> {
			if (!exists) {
				return Mono.just(new ChannelAccountPayload(current, List.of(UserError.notFound("agencyId"))));
			}
			boolean newToken = !blank(input.token());
			if ((newToken || !blank(input.secret())) && !this.connections.box().available()) {
				return Mono.just(new ChannelAccountPayload(current, List.of(UserError.of(UserErrorCode.INVALID, "token",
						"Ключ OTKLIK_CHANNEL_SECRET_KEY не задан"))));
			}
			boolean enabled = (input.enabled() != null) ? input.enabled() : current.enabled();
			// A new token is what fixes a broken account; enabling one again gives it another try too.
			boolean fixed = newToken || (enabled && !current.enabled());
			ChannelAccount updated = new ChannelAccount(current.id(), current.kind(),
					!blank(input.name()) ? input.name().trim() : current.name(),
					(input.agencyId() != null) ? emptyToNull(input.agencyId()) : current.agencyId(),
					(input.mode() != null) ? input.mode() : current.mode(),
					(input.externalAccountId() != null) ? trim(input.externalAccountId()) : current.externalAccountId(),
					newToken ? this.connections.box().seal(input.token().trim()) : current.token(),
					!blank(input.secret()) ? this.connections.box().seal(input.secret().trim()) : current.secret(),
					(input.confirmationCode() != null) ? trim(input.confirmationCode()) : current.confirmationCode(),
					fixed ? ChannelHealth.OK : current.health(), current.lastEventAt(),
					fixed ? null : current.lastError(), enabled, current.createdAt(), current.version() + 1,
					current.pollOwner(), current.pollLeaseUntil(),
					(input.mode() != null && input.mode() != current.mode()) ? null : current.pollOffset());
			return this.accounts.save(updated)
				.flatMap(saved -> (fixed && saved.enabled()) ? this.deliveries.unpark(saved.id()).thenReturn(saved)
						: Mono.just(saved))
				.map(saved -> new ChannelAccountPayload(saved, List.of()));
		})).defaultIfEmpty(new ChannelAccountPayload(null, List.of(UserError.notFound("accountId"))));
	}

	public Mono<ChannelAccountPayload> disable(Caller caller, AccountInput input) {
		caller.requireAny(Role.CURATOR);
		return update(caller, new UpdateChannelAccountInput(input.accountId(), null, null, null, null, null, null, null, false));
	}

	/** Calls the channel with the account's token; the account's health follows the answer. */
	public Mono<ChannelAccountPayload> check(Caller caller, AccountInput input) {
		caller.requireAny(Role.CURATOR);
		return this.accounts.byId(input.accountId()).flatMap(account -> {
			String token = this.connections.token(account);
			if (token == null) {
				return Mono.just(new ChannelAccountPayload(account, List.of(UserError.of(UserErrorCode.INVALID, "accountId",
						"Токен аккаунта недоступен: не задан ключ OTKLIK_CHANNEL_SECRET_KEY"))));
			}
			return this.connections.client(account.kind()).check(account, token)
				.flatMap(name -> save(account, ChannelHealth.OK, null))
				.map(saved -> new ChannelAccountPayload(saved, List.<UserError>of()))
				.onErrorResume(ChannelException.class, ex -> save(account,
						(ex.kind() == ChannelException.Kind.PERMANENT) ? ChannelHealth.BROKEN : ChannelHealth.DEGRADED,
						ex.getMessage())
					.map(saved -> new ChannelAccountPayload(saved, List.of(UserError.of(UserErrorCode.INVALID, "accountId",
							"Канал не принял токен или недоступен: " + ex.getMessage())))));
		}).defaultIfEmpty(new ChannelAccountPayload(null, List.of(UserError.notFound("accountId"))));
	}

	public Mono<RetryDeliveryPayload> retryDelivery(Caller caller, RetryDeliveryInput input) {
		caller.requireAny(Role.CURATOR);
		return this.deliveries.retry(input.answerId()).map(retried -> retried ? new RetryDeliveryPayload(true, List.of())
				: new RetryDeliveryPayload(false, List.of(UserError.of(UserErrorCode.ILLEGAL_TRANSITION, "answerId",
						"Этот ответ не ждёт отправки в канал: он отправлен, публикуется вручную или его нет"))));
	}

	private Mono<ChannelAccount> save(ChannelAccount account, ChannelHealth health, @Nullable String error) {
		return this.accounts.save(new ChannelAccount(account.id(), account.kind(), account.name(), account.agencyId(),
				account.mode(), account.externalAccountId(), account.token(), account.secret(), account.confirmationCode(),
				health, account.lastEventAt(), error, account.enabled(), account.createdAt(), account.version() + 1,
				account.pollOwner(), account.pollLeaseUntil(), account.pollOffset()))
			.flatMap(saved -> (health == ChannelHealth.OK && account.health() == ChannelHealth.BROKEN)
					? this.deliveries.unpark(saved.id()).thenReturn(saved) : Mono.just(saved));
	}

	private Mono<Boolean> agencyExists(@Nullable String agencyId) {
		if (agencyId == null || agencyId.isBlank()) {
			return Mono.just(true);
		}
		return this.agencies.byId(agencyId).map(agency -> true).defaultIfEmpty(false);
	}

	/** Telegram's secret token allows [A-Za-z0-9_-], MAX's 5–256 characters: URL-safe base64 fits both. */
	private static String generatedSecret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static @Nullable String trim(@Nullable String s) {
		return blank(s) ? null : s.trim();
	}

	private static @Nullable String emptyToNull(String s) {
		return s.isBlank() ? null : s;
	}

}
