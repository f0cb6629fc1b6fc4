package org.otklik.citizen;

import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealEventConsumer;
import reactor.core.publisher.Mono;

/**
 * Issues an appeal's link when its first answer is published, as a durable consumer of the appeal event
 * stream (once across instances), so that staff can tell it to a citizen who calls even when no channel
 * carried the answer. The channel delivery asks for the same link on demand; both end with one link.
 */
@org.springframework.stereotype.Component
class CitizenLinkIssuer implements AppealEventConsumer {

	private final CitizenService citizens;

	CitizenLinkIssuer(CitizenService citizens) {
		this.citizens = citizens;
	}

	@Override
	public String name() {
		return "citizen-links";
	}

	@Override
	public boolean wants(AppealEvent event) {
		return event instanceof AppealEvent.InterimAnswerPublished || event instanceof AppealEvent.AnswerApproved;
	}

	@Override
	public Mono<Void> handle(AppealEvent event) {
		return this.citizens.ensureLink(event.appeal()).then();
	}

}
