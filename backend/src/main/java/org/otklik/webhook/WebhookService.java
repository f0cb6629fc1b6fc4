package org.otklik.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AppealEventType;
import org.otklik.graphql.Connection;
import org.otklik.graphql.Cursors;
import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.webhook.internal.WebhookSender;
import org.otklik.webhook.internal.Webhooks;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Integrators register, list, enable and delete their webhooks, read their deliveries and send one
 * again; curators list every webhook and may delete, enable or redeliver any (they cannot register one:
 * a webhook speaks for an integrator's client, whose scope decides what it hears). Another integrator's
 * webhook is not found, as the schema's not-found policy says.
 */
@Service
public class WebhookService {

	static final int MAX_PAGE = 100;

	static final int MAX_URL = 2048;

	static final int MAX_DESCRIPTION = 500;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Webhooks webhooks;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final Clock clock;

	public WebhookService(Webhooks webhooks, WebhookSender sender, WebhookProperties properties, Clock clock) {
		this.webhooks = webhooks;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	/** Input of {@code registerWebhook}. */
	public record RegisterWebhookInput(@Nullable String url, @Nullable List<AppealEventType> eventTypes,
			@Nullable String description) {
	}

	/** Input of {@code deleteWebhook}. */
	public record DeleteWebhookInput(String webhookId) {
	}

	/** Input of {@code enableWebhook}. */
	public record EnableWebhookInput(String webhookId) {
	}

	/** Input of {@code redeliverWebhook}. */
	public record RedeliverWebhookInput(String deliveryId) {
	}

	/** The payload of {@code registerWebhook}: the secret appears here once and never again. */
	public record RegisterWebhookPayload(@Nullable Webhook webhook, @Nullable String secret, List<UserError> errors) {
	}

	/** The payload of {@code deleteWebhook}. */
	public record DeleteWebhookPayload(@Nullable String deletedWebhookId, List<UserError> errors) {
	}

	/** The payload of {@code enableWebhook}. */
	public record EnableWebhookPayload(@Nullable Webhook webhook, List<UserError> errors) {
	}

	/** The payload of {@code redeliverWebhook}. */
	public record RedeliverWebhookPayload(@Nullable WebhookDelivery delivery, List<UserError> errors) {
	}

	public Mono<RegisterWebhookPayload> register(Caller caller, RegisterWebhookInput input) {
		caller.requireAny(Role.INTEGRATOR);
		String owner = owner(caller);
		List<UserError> errors = new ArrayList<>();
		String url = (input.url() != null) ? input.url().trim() : "";
		String problem = urlProblem(url, this.properties.allowHttpLocalhost());
		if (url.isEmpty()) {
			errors.add(UserError.required("url", "Укажите адрес, на который отправлять события"));
		}
		else if (url.length() > MAX_URL) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "url", "Адрес длиннее " + MAX_URL + " символов"));
		}
		else if (problem != null) {
			errors.add(UserError.of(UserErrorCode.INVALID, "url", problem));
		}
		if (input.eventTypes() == null || input.eventTypes().isEmpty()) {
			errors.add(UserError.required("eventTypes", "Выберите хотя бы один тип событий"));
		}
		String description = (input.description() != null && !input.description().isBlank()) ? input.description().trim()
				: null;
		if (description != null && description.length() > MAX_DESCRIPTION) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "description", "Описание длиннее " + MAX_DESCRIPTION + " символов"));
		}
		if (!errors.isEmpty()) {
			return Mono.just(new RegisterWebhookPayload(null, null, errors));
		}
		return this.webhooks.countOwnedBy(owner).flatMap(count -> {
			if (count >= this.properties.maxPerOwner()) {
				return Mono.just(new RegisterWebhookPayload(null, null, List.of(UserError.of(UserErrorCode.INVALID, "url",
						"У интегратора уже " + count + " вебхуков, больше нельзя: удалите ненужные"))));
			}
			String secret = secret();
			Webhook webhook = new Webhook(new ObjectId().toHexString(), owner, caller.name(), url,
					List.copyOf(new LinkedHashSet<>(input.eventTypes())), description, secret, true, null, null,
					this.clock.instant());
			return this.webhooks.insert(webhook).map(saved -> new RegisterWebhookPayload(saved, secret, List.of()));
		});
	}

	public Mono<DeleteWebhookPayload> delete(Caller caller, DeleteWebhookInput input) {
		caller.requireAny(Role.INTEGRATOR, Role.CURATOR);
		return managed(caller, input.webhookId())
			.flatMap(webhook -> this.webhooks.delete(webhook.id())
				.then(this.webhooks.giveUpAll(webhook.id(), "Вебхук удалён"))
				.thenReturn(new DeleteWebhookPayload(webhook.id(), List.of())))
			.defaultIfEmpty(new DeleteWebhookPayload(null, List.of(UserError.notFound("webhookId"))));
	}

	/** Starts deliveries again after the webhook was disabled; what failed meanwhile is redelivered by hand. */
	public Mono<EnableWebhookPayload> enable(Caller caller, EnableWebhookInput input) {
		caller.requireAny(Role.INTEGRATOR, Role.CURATOR);
		return managed(caller, input.webhookId())
			.flatMap(webhook -> this.webhooks.enable(webhook.id()))
			.map(webhook -> new EnableWebhookPayload(webhook, List.of()))
			.defaultIfEmpty(new EnableWebhookPayload(null, List.of(UserError.notFound("webhookId"))));
	}

	/** Sends a delivery again now, with the same body and event id, and a fresh retry window. */
	public Mono<RedeliverWebhookPayload> redeliver(Caller caller, RedeliverWebhookInput input) {
		caller.requireAny(Role.INTEGRATOR, Role.CURATOR);
		RedeliverWebhookPayload notFound = new RedeliverWebhookPayload(null, List.of(UserError.notFound("deliveryId")));
		return this.webhooks.delivery(input.deliveryId())
			.flatMap(delivery -> managed(caller, delivery.webhookId()).flatMap(webhook -> {
				if (!webhook.enabled()) {
					return Mono.just(new RedeliverWebhookPayload(delivery, List.of(UserError.of(
							UserErrorCode.ILLEGAL_TRANSITION, "deliveryId",
							"Вебхук отключён: сначала включите его (enableWebhook)"))));
				}
				return this.webhooks.requeue(delivery.id(), this.clock.instant().plus(this.properties.retryWindow()))
					.doOnNext(requeued -> this.sender.wake(requeued.id()))
					.map(requeued -> new RedeliverWebhookPayload(requeued, List.of()))
					.defaultIfEmpty(new RedeliverWebhookPayload(delivery, List.of(UserError.of(
							UserErrorCode.ILLEGAL_TRANSITION, "deliveryId", "Событие отправляется прямо сейчас"))));
			}))
			.defaultIfEmpty(notFound);
	}

	/** The caller's own webhooks in registration order; every webhook for curators. */
	public Mono<Connection<Webhook>> webhooks(Caller caller, @Nullable Integer first, @Nullable String after) {
		caller.requireAny(Role.INTEGRATOR, Role.CURATOR);
		String owner = caller.isCurator() ? null : owner(caller);
		int size = size(first);
		return this.webhooks.page(owner, cursor(after, "w1:"), size + 1)
			.map(found -> connection(found, size, w -> "w1:" + w.id()));
	}

	/** A webhook's deliveries, newest first; empty for a webhook the caller may not manage. */
	public Mono<Connection<WebhookDelivery>> deliveries(Caller caller, String webhookId, @Nullable Integer first,
			@Nullable String after) {
		caller.requireAny(Role.INTEGRATOR, Role.CURATOR);
		int size = size(first);
		String before = cursor(after, "d1:");
		return managed(caller, webhookId)
			.flatMap(webhook -> this.webhooks.deliveries(webhook.id(), before, size + 1))
			.defaultIfEmpty(List.of())
			.map(found -> connection(found, size, d -> "d1:" + d.id()));
	}

	/** The webhook if the caller may manage it: its owner, or a curator. */
	private Mono<Webhook> managed(Caller caller, @Nullable String webhookId) {
		return this.webhooks.byId(webhookId)
			.filter(webhook -> caller.isCurator()
					|| (caller.has(Role.INTEGRATOR) && webhook.ownerId().equals(caller.clientId())));
	}

	private static String owner(Caller caller) {
		if (caller.clientId() == null || caller.clientId().isBlank()) {
			// A webhook belongs to an OAuth client; a token without one cannot own any.
			throw new AccessDeniedException("An integrator token without a client id");
		}
		return caller.clientId();
	}

	private static int size(@Nullable Integer first) {
		int size = (first != null) ? first : 20;
		if (size < 0 || size > MAX_PAGE) {
			throw OtklikException.invalidArgument("first must be between 0 and " + MAX_PAGE);
		}
		return size;
	}

	private static @Nullable String cursor(@Nullable String after, String prefix) {
		if (after == null || after.isBlank()) {
			return null;
		}
		String raw = Cursors.decode(after);
		if (!raw.startsWith(prefix) || !ObjectId.isValid(raw.substring(prefix.length()))) {
			throw new OtklikException(ErrorDetail.INVALID_CURSOR, "Неверный курсор");
		}
		return raw.substring(prefix.length());
	}

	private static <T> Connection<T> connection(List<T> found, int size, Function<T, String> cursor) {
		boolean more = found.size() > size;
		List<Connection.Edge<T>> edges = (more ? found.subList(0, size) : found).stream()
			.map(item -> new Connection.Edge<>(Cursors.encode(cursor.apply(item)), item))
			.toList();
		return new Connection<>(edges, new Connection.PageInfo(more, false, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
	}

	/**
	 * Why a URL cannot be a webhook, or null. HTTPS only: the body carries appeals (and, for the sending
	 * integrator, personal data), which must not cross the network in clear. Plain HTTP to this machine is
	 * a setting for tests and local development.
	 */
	static @Nullable String urlProblem(String url, boolean allowHttpLocalhost) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "Адрес не разобран: " + ex.getReason();
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "Укажите полный адрес, например https://example.ru/otklik/events";
		}
		if (uri.getRawUserInfo() != null) {
			return "Адрес не должен содержать логин и пароль";
		}
		if (scheme.equals("https")) {
			return null;
		}
		if (scheme.equals("http") && allowHttpLocalhost && isLoopback(uri.getHost())) {
			return null;
		}
		return "Нужен адрес HTTPS: события содержат обращения и не должны передаваться открытым текстом";
	}

	private static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
	}

	/** 32 random bytes: the HMAC key, as text so receivers use it as given. */
	private static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
