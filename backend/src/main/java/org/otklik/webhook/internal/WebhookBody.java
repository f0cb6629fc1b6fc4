package org.otklik.webhook.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.appeal.ReviewState;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * The JSON body of a delivery (documented in the README, section «Webhooks»): the event's stable id,
 * its type and time, and the appeal as the integrator may see it. Only published answers go out, and
 * the author only to an integrator allowed to see personal data.
 *
 * @param id the event's id, the same on every attempt and redelivery: receivers deduplicate by it
 */
record WebhookBody(String id, AppealEventType type, Instant occurredAt, String webhookId, AppealView appeal) {

	static WebhookBody of(AppealEvent event, String webhookId, boolean withAuthor) {
		return new WebhookBody(event.id(), event.type(), event.at(), webhookId, AppealView.of(event.appeal(), withAuthor));
	}

	/** The appeal's fields an integrator gets. */
	record AppealView(String id, long version, AppealStatus status, Channel channel, String externalId,
			@Nullable String url, @Nullable Instant postedAt, String text, @Nullable AuthorView author,
			@Nullable Municipality municipality, Category category, boolean urgent, @Nullable String agencyId,
			Instant receivedAt, @Nullable Instant firstRespondedAt, @Nullable Instant answeredAt,
			@Nullable Instant closedAt, List<AnswerView> answers) {

		static AppealView of(Appeal appeal, boolean withAuthor) {
			AuthorView author = (withAuthor && appeal.author() != null)
					? new AuthorView(appeal.author().name(), appeal.author().profileUrl()) : null;
			List<AnswerView> published = appeal.answers()
				.stream()
				.filter(a -> a.review() == ReviewState.NOT_REQUIRED || a.review() == ReviewState.APPROVED)
				.map(a -> new AnswerView(a.id(), a.kind(), a.text(), a.submittedAt()))
				.toList();
			return new AppealView(appeal.id(), appeal.version(), appeal.status(), appeal.channel(), appeal.externalId(),
					appeal.url(), appeal.postedAt(), appeal.text(), author, appeal.municipality(), appeal.category(),
					appeal.urgent(), appeal.agencyId(), appeal.receivedAt(), appeal.firstRespondedAt(), appeal.answeredAt(),
					appeal.closedAt(), published);
		}

	}

	/** Personal data (152-ФЗ): present only for the integrator that sent the appeal. */
	record AuthorView(@Nullable String name, @Nullable String profileUrl) {
	}

	/** A published answer. */
	record AnswerView(String id, AnswerKind kind, String text, Instant submittedAt) {
	}

}
