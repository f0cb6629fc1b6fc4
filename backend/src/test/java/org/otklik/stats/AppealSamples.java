package org.otklik.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.LastEvent;
import org.otklik.appeal.Person;
import org.otklik.appeal.SlaSnapshot;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/**
 * Builds {@link Appeal} documents with exactly the facts statistics read (times, SLA facts, history), so a
 * fixture states its figures in a few lines. Ids are fixed, so saving a sample twice changes nothing.
 */
final class AppealSamples {

	private static final Person CURATOR = new Person("curator", "Куратор ЦУР");

	private final String id;

	private AppealStatus status = AppealStatus.NEW;

	private Channel channel = Channel.VK;

	private Category category = Category.OTHER;

	private Municipality municipality;

	private String agencyId;

	private Instant receivedAt;

	private Instant firstRespondedAt;

	private Instant answeredAt;

	private int redirectCount;

	private int returnCount;

	private final List<HistoryEntry> history = new ArrayList<>();

	private boolean withSla = true;

	private Instant firstResponseDueAt = Instant.parse("2099-01-01T00:00:00Z");

	private Instant finalAnswerDueAt = Instant.parse("2099-01-01T00:00:00Z");

	private Boolean firstResponseMet;

	private Boolean finalAnswerMet;

	private Long firstResponseBusiness;

	private Long firstResponseCalendar;

	private Long finalAnswerBusiness;

	private Long finalAnswerCalendar;

	private AppealSamples(String id) {
		this.id = id;
	}

	/** An appeal received at {@code receivedAt} (ISO instant) through VK, category OTHER, status NEW. */
	static AppealSamples appeal(String id, String receivedAt) {
		AppealSamples sample = new AppealSamples(id);
		sample.receivedAt = Instant.parse(receivedAt);
		sample.history.add(entry(sample.receivedAt, AppealEventType.RECEIVED, null, null));
		return sample;
	}

	AppealSamples status(AppealStatus status) {
		this.status = status;
		return this;
	}

	AppealSamples channel(Channel channel) {
		this.channel = channel;
		return this;
	}

	AppealSamples category(Category category) {
		this.category = category;
		return this;
	}

	AppealSamples municipality(Municipality municipality) {
		this.municipality = municipality;
		return this;
	}

	AppealSamples agency(String agencyId) {
		this.agencyId = agencyId;
		return this;
	}

	/** First response given {@code calendarSeconds} after receipt, with the working seconds the SLA engine counted. */
	AppealSamples firstResponse(long businessSeconds, long calendarSeconds, boolean met) {
		this.firstRespondedAt = this.receivedAt.plusSeconds(calendarSeconds);
		this.firstResponseBusiness = businessSeconds;
		this.firstResponseCalendar = calendarSeconds;
		this.firstResponseMet = met;
		return this;
	}

	/** Final answer approved {@code calendarSeconds} after receipt; adds the ANSWER_APPROVED entry. */
	AppealSamples finalAnswer(long businessSeconds, long calendarSeconds, boolean met) {
		this.answeredAt = this.receivedAt.plusSeconds(calendarSeconds);
		this.finalAnswerBusiness = businessSeconds;
		this.finalAnswerCalendar = calendarSeconds;
		this.finalAnswerMet = met;
		this.history.add(entry(this.answeredAt, AppealEventType.ANSWER_APPROVED, null, null));
		return this;
	}

	/** First response at a moment, with no SLA facts behind it (an appeal from before SLA state was stored). */
	AppealSamples respondedAt(String at) {
		this.firstRespondedAt = Instant.parse(at);
		return this;
	}

	AppealSamples firstResponseDue(String at) {
		this.firstResponseDueAt = Instant.parse(at);
		return this;
	}

	AppealSamples finalAnswerDue(String at) {
		this.finalAnswerDueAt = Instant.parse(at);
		return this;
	}

	/** No {@code sla} at all, like documents written before SLA state was stored. */
	AppealSamples withoutSla() {
		this.withSla = false;
		return this;
	}

	AppealSamples returnedAt(String at) {
		this.returnCount++;
		this.history.add(entry(Instant.parse(at), AppealEventType.ANSWER_RETURNED, null, null));
		return this;
	}

	AppealSamples redirectedAt(String at, String fromAgencyId, String toAgencyId) {
		this.redirectCount++;
		this.history.add(entry(Instant.parse(at), AppealEventType.REDIRECTED, fromAgencyId, toAgencyId));
		return this;
	}

	AppealSamples rejectedAt(String at) {
		this.status = AppealStatus.REJECTED;
		this.history.add(entry(Instant.parse(at), AppealEventType.REJECTED, null, null));
		return this;
	}

	Appeal build() {
		SlaSnapshot sla = this.withSla ? new SlaSnapshot("TEST", "Asia/Magadan", this.firstResponseDueAt, this.finalAnswerDueAt,
				this.firstResponseMet, this.finalAnswerMet, this.firstResponseBusiness, this.firstResponseCalendar,
				this.finalAnswerBusiness, this.finalAnswerCalendar, List.of(), null, List.of(), null, null, null) : null;
		List<HistoryEntry> ordered = new ArrayList<>(this.history);
		ordered.sort(java.util.Comparator.comparing(HistoryEntry::at));
		HistoryEntry last = ordered.get(ordered.size() - 1);
		return new Appeal(this.id, ordered.size(), this.status, this.channel, "stats-" + this.id, null, null,
				"Тестовое обращение " + this.id, null, this.municipality, this.category, false, null, this.agencyId, null,
				List.of(), ordered, this.redirectCount, this.returnCount, this.receivedAt, this.firstRespondedAt,
				this.answeredAt, null, null, List.of(), "stats-fixture",
				new LastEvent(this.id, last.type(), last.at(), this.agencyId, last.fromAgencyId(), ordered.size(), null, null,
						null, null, null, null, null), sla);
	}

	private static HistoryEntry entry(Instant at, AppealEventType type, String from, String to) {
		return new HistoryEntry(at, type, CURATOR, null, null, from, to, null);
	}

}
