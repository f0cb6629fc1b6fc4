package org.otklik.webhook.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.otklik.appeal.AppealAccess;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.PersonalDataReads;
import org.otklik.appeal.TestEvents;
import org.otklik.webhook.Webhook;
import org.otklik.webhook.WebhookDelivery;
import org.otklik.webhook.WebhookProperties;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The dispatcher reads the webhooks once for a batch of events, and still queues each event, in order, for
 * exactly the webhooks that want its type; a webhook changed between two batches is read afresh by the next.
 */
class WebhookDispatcherBatchTests {

	private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

	private final Webhooks webhooks = mock(Webhooks.class);

	private final AppealAccess access = mock(AppealAccess.class);

	private final WebhookDispatcher dispatcher = new WebhookDispatcher(this.webhooks, this.access,
			mock(PersonalDataReads.class), mock(WebhookSender.class), JsonMapper.builder().build(),
			new WebhookProperties(null, null, null, null, null, null, false, 20), Clock.fixed(START, ZoneOffset.UTC));

	@Test
	void aBatchReadsTheWebhooksOnceAndQueuesEachEventForTheWebhooksWantingItsType() {
		Webhook received = webhook("a", AppealEventType.RECEIVED);
		Webhook assigned = webhook("b", AppealEventType.ASSIGNED);
		when(this.webhooks.wanting(anyCollection())).thenReturn(Flux.just(received, assigned));
		when(this.access.canRead(any(), any())).thenReturn(Mono.just(true));
		when(this.access.canSeePersonalData(any(), any())).thenReturn(Mono.just(false));
		when(this.webhooks.queue(any())).thenAnswer(call -> Mono.just(call.getArgument(0)));
		List<AppealEvent> events = List.of(TestEvents.received(START, 1), TestEvents.received(START, 2),
				TestEvents.received(START, 3));

		this.dispatcher.handleAll(events).block();

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Collection<AppealEventType>> types = ArgumentCaptor.forClass(Collection.class);
		verify(this.webhooks, times(1)).wanting(types.capture());
		assertThat(types.getValue()).containsExactly(AppealEventType.RECEIVED);
		verify(this.webhooks, never()).wanting(any(AppealEventType.class));
		ArgumentCaptor<WebhookDelivery> queued = ArgumentCaptor.forClass(WebhookDelivery.class);
		verify(this.webhooks, times(3)).queue(queued.capture());
		assertThat(queued.getAllValues()).extracting(WebhookDelivery::key)
			.containsExactly(events.stream().map(e -> "a:" + e.id()).toArray(String[]::new));
	}

	@Test
	void aWebhookDisabledAfterOneBatchGetsNothingOfTheNext() {
		Webhook hook = webhook("a", AppealEventType.RECEIVED);
		when(this.webhooks.wanting(anyCollection())).thenReturn(Flux.just(hook), Flux.empty());
		when(this.access.canRead(any(), any())).thenReturn(Mono.just(true));
		when(this.access.canSeePersonalData(any(), any())).thenReturn(Mono.just(false));
		when(this.webhooks.queue(any())).thenAnswer(call -> Mono.just(call.getArgument(0)));

		this.dispatcher.handleAll(List.of(TestEvents.received(START, 1), TestEvents.received(START, 2))).block();
		this.dispatcher.handleAll(List.of(TestEvents.received(START, 3), TestEvents.received(START, 4))).block();

		verify(this.webhooks, times(2)).wanting(anyCollection());
		verify(this.webhooks, times(2)).queue(any());
	}

	private static Webhook webhook(String id, AppealEventType type) {
		return new Webhook(id, "owner-" + id, "Интегратор", "https://example.org/" + id, List.of(type), null, "secret",
				true, null, null, START);
	}

}
