package org.otklik.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;

/**
 * Creates a feature's indexes at startup, before the application takes traffic, and asks again on a fresh
 * request when one goes unanswered.
 *
 * <p>A second instance starting beside a busy first one (in CI, against the first's embedded server) once
 * waited the whole minute for one {@code createIndexes} and failed to start; why that request went unanswered
 * is not known yet. The unique indexes must exist before traffic, so creation still blocks startup within the
 * same total bound; but the bound is split into attempts, and an attempt without an answer is cancelled and
 * sent again (the driver takes another connection for it; creating an index that exists is a no-op on MongoDB
 * and on the embedded server). The first unanswered attempt logs every thread's state, so that the next stall
 * leaves the evidence of where it waits.
 */
public final class StartupIndexes {

	private static final Logger log = LoggerFactory.getLogger(StartupIndexes.class);

	/** The whole bound, as before attempts existed. */
	static final Duration TOTAL = Duration.ofSeconds(60);

	/** One attempt's bound: an index that exists is answered at once; four attempts fit in {@link #TOTAL}. */
	static final Duration ATTEMPT = Duration.ofSeconds(14);

	private StartupIndexes() {
	}

	/** Creates the indexes in order, blocking; each one is asked again when its attempt goes unanswered. */
	public static void create(ReactiveIndexOperations ops, IndexDefinition... indexes) {
		create(Flux.fromArray(indexes).concatMap(index -> ops.createIndex(index)).then(), ATTEMPT, TOTAL);
	}

	/** Blocks until {@code creation} completes, subscribing anew after an attempt without an answer. */
	public static void create(Mono<?> creation) {
		create(creation, ATTEMPT, TOTAL);
	}

	static void create(Mono<?> creation, Duration attempt, Duration total) {
		AtomicBoolean dumped = new AtomicBoolean();
		long attempts = Math.max(1, total.toMillis() / attempt.toMillis());
		creation.timeout(attempt)
			.retryWhen(Retry.max(attempts - 1).filter(TimeoutException.class::isInstance).doBeforeRetry(signal -> {
				log.warn("Creating indexes got no answer within {} (attempt {} of {}); asking again", attempt,
						signal.totalRetries() + 1, attempts);
				if (dumped.compareAndSet(false, true)) {
					log.warn("Threads while index creation waited:\n{}", threads());
				}
			}))
			// Startup only, never on a request path.
			.block(total.plusSeconds(5));
	}

	private static String threads() {
		return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, false))
			.map(StartupIndexes::describe)
			.collect(Collectors.joining("\n"));
	}

	private static String describe(ThreadInfo info) {
		StringBuilder text = new StringBuilder("\"").append(info.getThreadName()).append("\" ").append(info.getThreadState());
		if (info.getLockName() != null) {
			text.append(" on ").append(info.getLockName());
		}
		if (info.getLockOwnerName() != null) {
			text.append(" held by \"").append(info.getLockOwnerName()).append('"');
		}
		Arrays.stream(info.getStackTrace()).limit(24).forEach(frame -> text.append("\n\tat ").append(frame));
		return text.toString();
	}

}
