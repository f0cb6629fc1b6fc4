package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.otklik.region.Category;
import org.otklik.region.Municipality;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's complaint or question with its whole life in one document, so that every change is one
 * atomic, version-guarded update and no transaction is ever needed.
 */
@Document("appeals")
public record Appeal(@Id String id, long version, AppealStatus status, Channel channel, String externalId, @Nullable String url,
		@Nullable Instant postedAt, String text, @Nullable Author author, @Nullable Municipality municipality, Category category, boolean urgent,
		Reach reach, @Nullable String agencyId, @Nullable Person executor, List<Answer> answers, List<HistoryEntry> history,
		int redirectCount, int returnCount, Instant receivedAt, @Nullable Instant firstRespondedAt, @Nullable Instant answeredAt, @Nullable Instant closedAt,
		@Nullable Instant reopenedAt, List<String> searchTerms, @Nullable String ingestedBy, @Nullable LastEvent lastEvent, @Nullable SlaSnapshot sla,
		@Nullable ChannelSource source, List<CitizenMessage> messages, @Nullable String number,
		@Nullable String settlement) {

	public Appeal {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
		answers = (answers != null) ? List.copyOf(answers) : List.of();
		history = (history != null) ? List.copyOf(history) : List.of();
		searchTerms = (searchTerms != null) ? List.copyOf(searchTerms) : List.of();
		reach = (reach != null) ? reach : Reach.NONE;
		category = (category != null) ? category : Category.OTHER;
	}
	/** An appeal without a number yet: the writer gives it one at intake (and the backfill to older ones). */
	public Appeal(String id, long version, AppealStatus status, Channel channel, String externalId, @Nullable String url,
			@Nullable Instant postedAt, String text, @Nullable Author author, @Nullable Municipality municipality,
			Category category, boolean urgent, Reach reach, @Nullable String agencyId, @Nullable Person executor,
			List<Answer> answers, List<HistoryEntry> history, int redirectCount, int returnCount, Instant receivedAt,
			@Nullable Instant firstRespondedAt, @Nullable Instant answeredAt, @Nullable Instant closedAt,
			@Nullable Instant reopenedAt, List<String> searchTerms, @Nullable String ingestedBy,
			@Nullable LastEvent lastEvent, @Nullable SlaSnapshot sla, @Nullable ChannelSource source,
			List<CitizenMessage> messages) {
		this(id, version, status, channel, externalId, url, postedAt, text, author, municipality, category, urgent, reach,
				agencyId, executor, answers, history, redirectCount, returnCount, receivedAt, firstRespondedAt,
				answeredAt, closedAt, reopenedAt, searchTerms, ingestedBy, lastEvent, sla, source, messages, null, null);
	}

	/** An appeal that did not come through a connected channel and has no further messages. */
	public Appeal(String id, long version, AppealStatus status, Channel channel, String externalId, @Nullable String url,
			@Nullable Instant postedAt, String text, @Nullable Author author, @Nullable Municipality municipality,
			Category category, boolean urgent, Reach reach, @Nullable String agencyId, @Nullable Person executor,
			List<Answer> answers, List<HistoryEntry> history, int redirectCount, int returnCount, Instant receivedAt,
			@Nullable Instant firstRespondedAt, @Nullable Instant answeredAt, @Nullable Instant closedAt,
			@Nullable Instant reopenedAt, List<String> searchTerms, @Nullable String ingestedBy,
			@Nullable LastEvent lastEvent, @Nullable SlaSnapshot sla) {
		this(id, version, status, channel, externalId, url, postedAt, text, author, municipality, category, urgent, reach,
				agencyId, executor, answers, history, redirectCount, returnCount, receivedAt, firstRespondedAt,
				answeredAt, closedAt, reopenedAt, searchTerms, ingestedBy, lastEvent, sla, null, List.of(), null, null);
	}


	/** A copy with other SLA facts, for evaluating the state a pending change will produce. */
	public Appeal withSlaFacts(AppealStatus newStatus, Instant newFirstRespondedAt, Instant newAnsweredAt,
			Instant newReopenedAt, SlaSnapshot newSla) {
		return new Appeal(this.id, this.version, newStatus, this.channel, this.externalId, this.url, this.postedAt,
				this.text, this.author, this.municipality, this.category, this.urgent, this.reach, this.agencyId,
				this.executor, this.answers, this.history, this.redirectCount, this.returnCount, this.receivedAt,
				newFirstRespondedAt, newAnsweredAt, this.closedAt, newReopenedAt, this.searchTerms, this.ingestedBy,
				this.lastEvent, newSla, this.source, this.messages, this.number, this.settlement);
	}

	public Appeal withAnswers(List<Answer> newAnswers) {
		return new Appeal(this.id, this.version, this.status, this.channel, this.externalId, this.url, this.postedAt,
				this.text, this.author, this.municipality, this.category, this.urgent, this.reach, this.agencyId,
				this.executor, newAnswers, this.history, this.redirectCount, this.returnCount, this.receivedAt,
				this.firstRespondedAt, this.answeredAt, this.closedAt, this.reopenedAt, this.searchTerms,
				this.ingestedBy, this.lastEvent, this.sla, this.source, this.messages, this.number, this.settlement);
	}

	/** A copy at another version with the change that produced it, for appeals imported with their history. */
	public Appeal withLastEvent(long newVersion, LastEvent event) {
		return new Appeal(this.id, newVersion, this.status, this.channel, this.externalId, this.url, this.postedAt,
				this.text, this.author, this.municipality, this.category, this.urgent, this.reach, this.agencyId,
				this.executor, this.answers, this.history, this.redirectCount, this.returnCount, this.receivedAt,
				this.firstRespondedAt, this.answeredAt, this.closedAt, this.reopenedAt, this.searchTerms, this.ingestedBy,
				event, this.sla, this.source, this.messages, this.number, this.settlement);
	}

	/** A copy with its human number. */
	public Appeal withNumber(String newNumber) {
		return new Appeal(this.id, this.version, this.status, this.channel, this.externalId, this.url, this.postedAt,
				this.text, this.author, this.municipality, this.category, this.urgent, this.reach, this.agencyId,
				this.executor, this.answers, this.history, this.redirectCount, this.returnCount, this.receivedAt,
				this.firstRespondedAt, this.answeredAt, this.closedAt, this.reopenedAt, this.searchTerms, this.ingestedBy,
				this.lastEvent, this.sla, this.source, this.messages, newNumber, this.settlement);
	}

	public Appeal withSla(SlaSnapshot newSla) {
		return withSlaFacts(this.status, this.firstRespondedAt, this.answeredAt, this.reopenedAt, newSla);
	}

	/** A copy that came through a channel. */
	public Appeal withSource(@Nullable ChannelSource newSource) {
		return new Appeal(this.id, this.version, this.status, this.channel, this.externalId, this.url, this.postedAt,
				this.text, this.author, this.municipality, this.category, this.urgent, this.reach, this.agencyId,
				this.executor, this.answers, this.history, this.redirectCount, this.returnCount, this.receivedAt,
				this.firstRespondedAt, this.answeredAt, this.closedAt, this.reopenedAt, this.searchTerms, this.ingestedBy,
				this.lastEvent, this.sla, newSource, this.messages, this.number, this.settlement);
	}

	/** A copy naming the settlement (village, town) the appeal is about, within its municipality. */
	public Appeal withSettlement(@Nullable String newSettlement) {
		return new Appeal(this.id, this.version, this.status, this.channel, this.externalId, this.url, this.postedAt,
				this.text, this.author, this.municipality, this.category, this.urgent, this.reach, this.agencyId,
				this.executor, this.answers, this.history, this.redirectCount, this.returnCount, this.receivedAt,
				this.firstRespondedAt, this.answeredAt, this.closedAt, this.reopenedAt, this.searchTerms, this.ingestedBy,
				this.lastEvent, this.sla, this.source, this.messages, this.number, newSettlement);
	}

	/** The open pause, if the clocks are stopped now. */
	public Optional<SlaSnapshot.Pause> openPause() {
		return (this.sla == null) ? Optional.empty()
				: this.sla.pauses().stream().filter(p -> p.to() == null).findFirst();
	}

	public Optional<Answer> answer(String answerId) {
		return this.answers.stream().filter(a -> a.id().equals(answerId)).findFirst();
	}

	/** The answer waiting for review (a final one, or an interim one the region's settings held), if any. */
	public Optional<Answer> pendingAnswer() {
		return this.answers.stream().filter(Answer::awaitsReview).findFirst();
	}

	/** The final answer waiting for review, if any. */
	public Optional<Answer> pendingFinalAnswer() {
		return this.answers.stream()
			.filter(a -> a.kind() == AnswerKind.FINAL && a.review() == ReviewState.PENDING)
			.findFirst();
	}

	/**
	 * Hashes the id and version only. Equal appeals have equal ids and versions, so this agrees with the
	 * generated {@code equals}; the generated hash walked all 31 components (text, answers, history, terms)
	 * on every map or DataLoader lookup of a page of appeals, a fifth of a queue page's CPU samples.
	 */
	@Override
	public int hashCode() {
		return 31 * java.util.Objects.hashCode(this.id) + Long.hashCode(this.version);
	}

}
