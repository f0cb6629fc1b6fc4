package org.otklik.webhook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventBatchConsumer;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.PersonalDataReads;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.otklik.webhook.Webhook;
import org.otklik.webhook.WebhookDelivery;
import org.otklik.webhook.WebhookProperties;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A durable consumer of the appeal event stream (once across instances, ADR 0007) that queues each event
 * for every enabled webhook that wants its type and whose owner may see the appeal, judged by
 * {@link AppealAccess} exactly as the API judges that integrator. The queue's unique key (webhook and
 * event) makes a repeated dispatch, after a crash, queue nothing new. The webhooks are read once per batch
 * of events handed off together, not once per event: a change to a webhook reaches the next batch, on
 * every instance, as it reached the next event before.
 */
@Component
public class WebhookDispatcher implements AppealEventBatchConsumer {

	private final Webhooks webhooks;

	private final AppealAccess access;

	private final PersonalDataReads personalData;

	private final WebhookSender sender;

	private final JsonMapper json;

	private final WebhookProperties properties;

	private final Clock clock;

	public WebhookDispatcher(Webhooks webhooks, AppealAccess access, PersonalDataReads personalData,
			WebhookSender sender, JsonMapper json, WebhookProperties properties, Clock clock) {
		this.webhooks = webhooks;
		this.access = access;
		this.personalData = personalData;
		this.sender = sender;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "webhooks";
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		// One event is a batch of one: a single dispatch path for both hand-offs.
		return handleAll(List.of(event));
	}

	@Override
	public Mono<Void> handleAll(List<AppealEvent> events) {
		Set<AppealEventType> types = EnumSet.noneOf(AppealEventType.class);
		events.forEach(event -> types.add(event.type()));
		// One read for the batch; each event then goes, in order, to the webhooks that want its type, in the
		// order the per-event read returns them.
		return this.webhooks.wanting(types)
			.collectList()
			.flatMapMany(wanting -> Flux.fromIterable(events)
				.concatMap(event -> Flux.fromIterable(wanting)
					.filter(webhook -> webhook.eventTypes().contains(event.type()))
					.concatMap(webhook -> queue(webhook, event))))
			.then();
	}

	/** The integrator a webhook belongs to, as the API would see its token. */
	static Caller owner(Webhook webhook) {
		return new Caller(webhook.ownerId(), webhook.ownerName(), Set.of(Role.INTEGRATOR), null, webhook.ownerId());
	}

	private Mono<WebhookDelivery> queue(Webhook webhook, AppealEvent event) {
		Caller owner = owner(webhook);
		Appeal appeal = event.appeal();
		return this.access.canRead(owner, appeal)
			.filter(Boolean::booleanValue)
			.flatMap(readable -> this.access.canSeePersonalData(owner, appeal))
			.flatMap(personal -> {
				boolean withAuthor = personal && appeal.author() != null;
				// As in the API: the read of personal data is recorded before the data leaves.
				Mono<Void> recorded = withAuthor ? this.personalData.record(owner, appeal.id(), "author") : Mono.empty();
				return recorded.then(Mono.fromCallable(() -> delivery(webhook, event, withAuthor)));
			})
			.flatMap(this.webhooks::queue)
			.doOnNext(queued -> this.sender.wake(queued.id()));
	}

	private WebhookDelivery delivery(Webhook webhook, AppealEvent event, boolean withAuthor) {
		Instant now = this.clock.instant();
		String body = this.json.writeValueAsString(WebhookBody.of(event, webhook.id(), withAuthor));
		return new WebhookDelivery(new ObjectId().toHexString(), webhook.id() + ":" + event.id(), webhook.id(),
				webhook.ownerId(), event.id(), event.type(), event.appeal().id(), body, WebhookDelivery.State.PENDING, 0,
				List.of(), null, null, now, now.plus(this.properties.retryWindow()), null, null);
	}

}
