package org.otklik.appeal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.otklik.appeal.Answer;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.LastEvent;
import org.otklik.appeal.Person;
import org.otklik.appeal.SlaSnapshot;

/**
 * A mutable copy of the fields a change may touch, so that each rule reads as the facts it changes
 * rather than as a 28-argument constructor call. Everything else is copied from the appeal unchanged.
 */
final class AppealDraft {

	private final Appeal base;

	AppealStatus status;

	String agencyId;

	org.otklik.region.Category category;

	org.otklik.region.Municipality municipality;

	String settlement;

	boolean urgent;

	Person executor;

	final List<Answer> answers;

	final List<HistoryEntry> history;

	int redirectCount;

	int returnCount;

	Instant firstRespondedAt;

	Instant answeredAt;

	Instant closedAt;

	Instant reopenedAt;

	SlaSnapshot sla;

	LastEvent lastEvent;

	long version;

	final List<org.otklik.appeal.CitizenMessage> messages;

	AppealDraft(Appeal base) {
		this.messages = new ArrayList<>(base.messages());
		this.base = base;
		this.status = base.status();
		this.agencyId = base.agencyId();
		this.category = base.category();
		this.municipality = base.municipality();
		this.settlement = base.settlement();
		this.urgent = base.urgent();
		this.executor = base.executor();
		this.answers = new ArrayList<>(base.answers());
		this.history = new ArrayList<>(base.history());
		this.redirectCount = base.redirectCount();
		this.returnCount = base.returnCount();
		this.firstRespondedAt = base.firstRespondedAt();
		this.answeredAt = base.answeredAt();
		this.closedAt = base.closedAt();
		this.reopenedAt = base.reopenedAt();
		this.sla = base.sla();
		this.lastEvent = base.lastEvent();
		this.version = base.version();
	}

	Appeal build() {
		Appeal b = this.base;
		return new Appeal(b.id(), this.version, this.status, b.channel(), b.externalId(), b.url(), b.postedAt(), b.text(),
				b.author(), this.municipality, this.category, this.urgent, b.reach(), this.agencyId, this.executor,
				this.answers, this.history, this.redirectCount, this.returnCount, b.receivedAt(), this.firstRespondedAt,
				this.answeredAt, this.closedAt, this.reopenedAt, b.searchTerms(), b.ingestedBy(), this.lastEvent, this.sla,
				b.source(), this.messages, b.number(), this.settlement);
	}

}
