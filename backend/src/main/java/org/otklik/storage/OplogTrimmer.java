package org.otklik.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Trims the embedded server's oplog every {@link OplogProperties#trimEvery()}: an entry goes once it is older
 * than the window and every {@link OplogReaders} has passed it (and no open change stream still has it to
 * read). A subscriber asking for history from before the trimmed part gets MongoDB's
 * {@code ChangeStreamHistoryLost}, which the event stream reports as {@code CURSOR_EXPIRED}.
 */
public final class OplogTrimmer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OplogTrimmer.class);

	private final OplogTrimming oplog;

	private final ObjectProvider<OplogReaders> readers;

	private final OplogProperties properties;

	private final Clock clock;

	private volatile Disposable running;

	OplogTrimmer(OplogTrimming oplog, ObjectProvider<OplogReaders> readers, OplogProperties properties, Clock clock) {
		this.oplog = oplog;
		this.readers = readers;
		this.properties = properties;
		this.clock = clock;
	}

	/** Trims now; emits how many entries went. */
	public Mono<Integer> trimNow() {
		return trimAsOf(this.clock.instant());
	}

	/** Trims as if it were that time (tests use a later one to make entries old); emits how many entries went. */
	public Mono<Integer> trimAsOf(Instant now) {
		long windowStart = position(now.minus(this.properties.window()));
		return Flux.fromStream(() -> this.readers.orderedStream())
			.concatMap(OplogReaders::oldestPosition)
			.reduce(windowStart, Math::min)
			.publishOn(Schedulers.boundedElastic())
			// A change stream idle for a whole window is taken for abandoned (its client went without closing it).
			.map(horizon -> this.oplog.trimOplog(horizon, this.properties.window()));
	}

	/** The first cluster time of a second. */
	static long position(Instant at) {
		return at.getEpochSecond() << 32;
	}

	@Override
	public void start() {
		this.running = Flux.interval(this.properties.trimEvery())
			.onBackpressureDrop()
			.concatMap(tick -> trimNow().doOnNext(removed -> {
				if (removed > 0) {
					log.debug("Trimmed {} oplog entries", removed);
				}
			}).onErrorResume(ex -> {
				log.warn("Oplog not trimmed this time: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable task = this.running;
		if (task != null) {
			task.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
