package org.otklik.sla;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the SLA alert check needs from the appeals, implemented by the appeal feature: the check decides
 * when to look, the appeal feature owns the documents and the rule that announces a threshold.
 */
public interface SlaAlertTargets {

	/** Ids of open appeals whose next unannounced threshold has come by {@code now}, earliest first. */
	Flux<String> dueForAlert(Instant now, int limit);

	/**
	 * Announces the oldest threshold the appeal has reached and not announced yet, as one guarded change
	 * that the event stream carries as {@code SlaAtRisk} or {@code SlaBreached}.
	 *
	 * @return whether a threshold was announced
	 */
	Mono<Boolean> announceNextThreshold(String appealId);

	/**
	 * Recomputes the stored SLA of an appeal that is due but has nothing to announce (its policy changed,
	 * for example), so that the check does not find it again and again. It records no event.
	 */
	Mono<Void> refresh(String appealId);

}
