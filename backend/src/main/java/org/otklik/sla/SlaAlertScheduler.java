package org.otklik.sla;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The periodic SLA alert check: asks the appeals for those whose next threshold has come (an indexed
 * query, never a scan of every open appeal) and has each threshold announced by the appeal feature's
 * guarded change. The state lives in the appeal, so restarts and several instances neither lose nor
 * double an alert.
 */
@Component
public class SlaAlertScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SlaAlertScheduler.class);

	/** At most this many thresholds per appeal in one check (two clocks, two thresholds each). */
	private static final int THRESHOLDS = 4;

	private final SlaAlertTargets appeals;

	private final SlaAlertProperties properties;

	private final Clock clock;

	private volatile Disposable running;

	public SlaAlertScheduler(SlaAlertTargets appeals, SlaAlertProperties properties, Clock clock) {
		this.appeals = appeals;
		this.properties = properties;
		this.clock = clock;
	}

	/** One check: announces every threshold that has come. Returns how many were announced. */
	public Mono<Long> checkOnce() {
		return this.appeals.dueForAlert(this.clock.instant(), this.properties.batch())
			.concatMap(this::announceAll)
			.reduce(0L, Long::sum);
	}

	private Mono<Long> announceAll(String appealId) {
		return Flux.range(0, THRESHOLDS)
			.concatMap(i -> this.appeals.announceNextThreshold(appealId))
			.takeWhile(Boolean::booleanValue)
			.count()
			.flatMap(count -> (count == 0) ? this.appeals.refresh(appealId).thenReturn(0L) : Mono.just(count));
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			return;
		}
		this.running = Flux.interval(this.properties.interval())
			.onBackpressureDrop()
			.concatMap(tick -> checkOnce().onErrorResume(ex -> {
				log.warn("SLA alert check failed; retrying at the next tick: {}", ex.toString());
				return Mono.just(0L);
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

}
