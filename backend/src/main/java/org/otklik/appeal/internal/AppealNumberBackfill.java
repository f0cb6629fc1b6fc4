package org.otklik.appeal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Numbers the appeals stored before numbers existed, oldest first, once at startup (and after a demo or
 * migration import). Each gets its number by a guarded update, so two instances starting together on one
 * database never number one appeal twice; the loser's drawn number is skipped.
 */
@Component
public class AppealNumberBackfill {

	private static final Logger log = LoggerFactory.getLogger(AppealNumberBackfill.class);

	private final AppealStore store;

	private final AppealNumbers numbers;

	public AppealNumberBackfill(AppealStore store, AppealNumbers numbers) {
		this.store = store;
		this.numbers = numbers;
	}

	/** Numbers every appeal that has no number; returns how many this call numbered. */
	public Mono<Long> backfill() {
		return this.store.withoutNumber()
			.concatMap(appeal -> this.numbers.next(appeal.receivedAt())
				.flatMap(number -> this.store.assignNumber(appeal, number)))
			.filter(Boolean::booleanValue)
			.count();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		// In the background: a large database must not hold up readiness, and an appeal read meanwhile
		// simply shows its number a moment later.
		backfill().subscribe(n -> {
			if (n > 0) {
				log.info("Numbered {} appeals stored without a number", n);
			}
		}, ex -> log.warn("Numbering older appeals failed; it is retried at the next start", ex));
	}

}
