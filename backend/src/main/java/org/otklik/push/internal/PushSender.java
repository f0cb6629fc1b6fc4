package org.otklik.push.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.interaso.webpush.WebPush;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.otklik.outbound.OutboundSender;
import org.otklik.push.PushDevice;
import org.otklik.push.PushNoticeKind;
import org.otklik.push.PushProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Sends queued notices, on every instance: a notice is claimed with a guarded update (one instance sends
 * it), together with the other waiting notices of its kind for the same device, which go out as one
 * summary. The body is encrypted (RFC 8291, aes128gcm) and the VAPID header made by {@code webpush}; the
 * POST goes through our own reactive client. 404 and 410 mean the subscription is gone: the device is
 * removed. Other failures are retried with a doubling backoff, then given up, logged and counted.
 */
@Component
public class PushSender extends OutboundSender {

	private final PushStore store;

	private final VapidKeyStore keys;

	private final PushProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final Counter sent;

	private final Counter givenUp;

	private final Counter expired;

	public PushSender(PushStore store, VapidKeyStore keys, PushProperties properties, JsonMapper json, Clock clock,
			MeterRegistry meters) {
		super("otklik-push", "Push", "notice", properties.requestTimeout(), properties.sendEvery());
		this.store = store;
		this.keys = keys;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.sent = meters.counter("otklik.push.notices", "outcome", "sent");
		this.givenUp = meters.counter("otklik.push.notices", "outcome", "given_up");
		this.expired = meters.counter("otklik.push.notices", "outcome", "subscription_gone");
	}

	@Override
	protected Mono<Void> claimAndSend(String id) {
		return this.store.claim(id, this.clock.instant(), this.properties.lease()).flatMap(this::send);
	}

	/** Sends what is due now (urgent first), and what an instance that died was sending. */
	@Override
	public Mono<Void> sweep() {
		Instant now = this.clock.instant();
		return this.store.due(now, 200)
			// One at a time per sweep: a claimed notice takes its due siblings into its summary.
			.concatMap(found -> this.store.claim(found.id(), now, this.properties.lease())
				.flatMap(this::send)
				.onErrorResume(ex -> Mono.empty()))
			.then();
	}

	private Mono<Void> send(PushNotice claimed) {
		return this.store.claimGroup(claimed).flatMap(group -> this.store.device(claimed.deviceId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(found -> {
				PushDevice device = found.orElse(null);
				if (device == null) {
					return this.store.failed(group, "Устройство удалено");
				}
				return post(device, group);
			}));
	}

	private Mono<Void> post(PushDevice device, List<PushNotice> group) {
		PushNotice leader = group.get(0);
		byte[] payload = this.json.writeValueAsBytes(payload(group));
		WebPush webPush = this.keys.webPush();
		Map<String, String> headers;
		byte[] body;
		try {
			body = webPush.getBody(payload, decode(device.p256dh()), decode(device.auth()));
			headers = webPush.getHeaders(device.endpoint(), (int) this.properties.ttl().toSeconds(), topic(group),
					leader.urgent() ? WebPush.Urgency.High : WebPush.Urgency.Normal);
		}
		catch (RuntimeException ex) {
			// Keys a browser could not have made: nothing can ever be sent to this device.
			log.warn("Push device {} has unusable keys ({}); removed", device.id(), ex.toString());
			this.expired.increment();
			return this.store.deleteDevice(device.id(), "Ключи подписки неверны").then();
		}
		return status(client().post()
			.uri(URI.create(device.endpoint()))
			.headers(h -> headers.forEach(h::set))
			.bodyValue(body))
			.map(status -> accepted(status) ? "" : String.valueOf(status))
			.onErrorResume(ex -> Mono.just("error: " + problem(ex, "no answer in time", "push service unreachable: ")))
			.flatMap(outcome -> outcome(device, group, outcome));
	}

	private Mono<Void> outcome(PushDevice device, List<PushNotice> group, String outcome) {
		Instant now = this.clock.instant();
		if (outcome.isEmpty()) {
			this.sent.increment(group.size());
			return this.store.sent(group, now).then(this.store.sentTo(device.id(), now));
		}
		if (outcome.equals("404") || outcome.equals("410")) {
			// RFC 8030 §7.3: the subscription expired or was unsubscribed; it will never work again.
			log.info("Push subscription of device {} is gone (HTTP {}); device removed", device.id(), outcome);
			this.expired.increment();
			return this.store.deleteDevice(device.id(), "Подписка больше не действует (HTTP " + outcome + ")").then();
		}
		String error = outcome.startsWith("error") ? outcome : "HTTP " + outcome;
		PushNotice leader = group.get(0);
		int attempts = leader.attemptCount() + 1;
		if (attempts >= this.properties.maxAttempts()) {
			log.warn("Push notice {} to device {} given up after {} attempts: {}", leader.id(), device.id(), attempts, error);
			this.givenUp.increment(group.size());
			return this.store.failed(group, error);
		}
		return this.store.retry(group, error, now.plus(this.properties.backoff(attempts)));
	}

	/** What the service worker shows: no personal data, only the number, the category and where to go. */
	private static Map<String, Object> payload(List<PushNotice> group) {
		PushNotice leader = group.get(0);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", leader.kind().name());
		payload.put("urgent", leader.urgent());
		payload.put("count", group.size());
		if (group.size() == 1) {
			payload.put("title", leader.title());
			payload.put("body", leader.body());
			payload.put("url", leader.url());
			if (leader.appealId() != null) {
				payload.put("appealId", leader.appealId());
			}
			if (leader.number() != null) {
				payload.put("number", leader.number());
			}
		}
		else {
			payload.put("title", PushTexts.summaryTitle(leader.kind(), group.size()));
			payload.put("body", "Откройте Отклик, чтобы посмотреть");
			payload.put("url", PushTexts.summaryUrl(leader.kind()));
		}
		// The service worker shows notices of a kind under one tag, so a summary replaces what it sums up.
		payload.put("tag", tag(leader.kind(), group.size() == 1 ? leader.appealId() : null));
		return payload;
	}

	private static String tag(PushNoticeKind kind, @Nullable String appealId) {
		return (appealId != null) ? kind.name().toLowerCase() + ":" + appealId : kind.name().toLowerCase();
	}

	/**
	 * RFC 8030 §5.4: a newer message with the same topic replaces an undelivered one at the push service.
	 * Only summaries carry one (per kind), so a waiting summary is replaced by a newer, larger one while
	 * single notices about different appeals never replace each other.
	 */
	private static @Nullable String topic(List<PushNotice> group) {
		return (group.size() > 1) ? "otklik-" + group.get(0).kind().name().toLowerCase().replace('_', '-') : null;
	}

	private static byte[] decode(String base64url) {
		return Base64.getUrlDecoder().decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
	}

}
