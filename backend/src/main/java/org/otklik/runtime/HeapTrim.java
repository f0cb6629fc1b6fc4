package org.otklik.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.JMException;
import javax.management.ObjectName;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Collects the heap once, a while after a burst of start-up work (the application becoming ready, the demo
 * region loaded), so that the JVM can give back what start-up took.
 * <p>
 * Why an explicit collection: start-up allocates several times the live heap (classes being wired, the demo
 * region, the consumers catching up), and the collectors resize the heap after a full collection, which an
 * idle process never has, so it kept its start-up peak for good. With the JVM's defaults (G1, as in the
 * container image) one collection took a test JVM's committed heap from 1,556 to 256 MB, once and off the
 * request path (its pause was 4–5 s there, at load 40 with a gigabyte heap). (The README's serial collector cannot shrink below {@code -Xms},
 * which the JVM sets to all of {@code -Xmx256m} there; see docs/architecture.md for flags that allow it and
 * what they cost.) It runs at most once per burst, and only once the process rests: while a request or a
 * WebSocket session is open, or one ended within the delay, it waits another delay; nothing collects later on
 * its own.
 */
@Component
public class HeapTrim implements DisposableBean, WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(HeapTrim.class);

	private static final int SHRINK_STEPS = 4;

	private final Duration delay;

	private final Runnable collect;

	private final Scheduler scheduler;

	private final boolean enabled;

	private @Nullable Disposable pending;

	/** Requests in flight; a WebSocket session counts as one for as long as it is open. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private boolean stopped;

	private volatile long lastActivity = Long.MIN_VALUE / 2;

	@Autowired
	public HeapTrim(@Value("${otklik.runtime.heap-trim.enabled:true}") boolean enabled,
			@Value("${otklik.runtime.heap-trim.delay:20s}") Duration delay) {
		this(enabled, delay, HeapTrim::collectAndReport, Schedulers.boundedElastic());
	}

	HeapTrim(boolean enabled, Duration delay, Runnable collect, Scheduler scheduler) {
		this.enabled = enabled;
		this.delay = delay;
		this.collect = collect;
		this.scheduler = scheduler;
	}

	/** Bursts begun ({@link #burstBegins}) and not ended yet. */
	private int running;

	@EventListener(ApplicationReadyEvent.class)
	synchronized void applicationReady() {
		if (this.running == 0) {
			reschedule();
		}
		// Otherwise the work still running (the demo region loading) schedules the one collection when it ends:
		// a collection in its middle (on a loaded machine the load outlasts the delay) stopped the world four
		// times for nothing.
	}

	/** Start-up work begins that ends with {@link #afterBurst}: no collection until it has. */
	public synchronized void burstBegins() {
		this.running++;
		Disposable previous = this.pending;
		if (previous != null) {
			previous.dispose();
		}
	}

	/** Start-up work is done (for now): collect once after the delay, unless more such work follows. */
	public synchronized void afterBurst() {
		if (this.running > 0) {
			this.running--;
		}
		if (this.running == 0) {
			reschedule();
		}
	}

	private synchronized void reschedule() {
		if (!this.enabled) {
			return;
		}
		Disposable previous = this.pending;
		if (previous != null) {
			previous.dispose();
		}
		schedule();
	}

	private synchronized void schedule() {
		if (this.stopped) {
			return;
		}
		// The scheduler's worker may block for the collection; never an event loop.
		this.pending = Mono.delay(this.delay, this.scheduler).subscribe(tick -> fire());
	}

	/**
	 * Collects only when nobody is being served: the collections stop the world (about half a second with
	 * ten thousand open subscriptions), which a live subscriber would see as that much latency. A busy
	 * process is asked again after the delay, until it rests.
	 */
	private void fire() {
		boolean busy = this.inFlight.get() > 0
				|| this.scheduler.now(TimeUnit.MILLISECONDS) - this.lastActivity < this.delay.toMillis();
		if (busy) {
			schedule();
		}
		else {
			this.collect.run();
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.enabled || exchange.getRequest().getPath().value().startsWith("/actuator")) {
			// Health probes come every few seconds and would keep a resting process from ever trimming.
			return chain.filter(exchange);
		}
		this.inFlight.incrementAndGet();
		this.lastActivity = this.scheduler.now(TimeUnit.MILLISECONDS);
		return chain.filter(exchange).doFinally(signal -> {
			this.lastActivity = this.scheduler.now(TimeUnit.MILLISECONDS);
			this.inFlight.decrementAndGet();
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public synchronized void destroy() {
		this.stopped = true;
		Disposable previous = this.pending;
		if (previous != null) {
			previous.dispose();
		}
	}

	private static void collectAndReport() {
		MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		long started = System.nanoTime();
		// The collectors shrink the heap after a full collection only down to the live heap plus
		// MaxHeapFreeRatio (70 % by default, so a 90 MB live heap keeps 300 MB): lower the ratios for this
		// one collection only, so that steady running keeps the default growth and no extra collections.
		HeapRatios saved = HeapRatios.lower(10, 30);
		try {
			// The JVM shrinks in steps (ShrinkHeapInSteps: nothing at the first collection, then 10 %, 40 %
			// and all of the excess), so one collection would give back nothing.
			for (int i = 0; i < SHRINK_STEPS; i++) {
				System.gc();
			}
		}
		finally {
			saved.restore();
		}
		MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		log.info("Heap collected after start-up work in {} ms: used {} → {} MB, committed {} → {} MB; {}",
				(System.nanoTime() - started) / 1_000_000, before.getUsed() >> 20, after.getUsed() >> 20,
				before.getCommitted() >> 20, after.getCommitted() >> 20, trimNativeHeap());
	}

	/**
	 * Gives the C heap's free memory back to the system, as {@code jcmd PID System.trim_native_heap} does
	 * (glibc's {@code malloc_trim}; HotSpot 17.0.9 and later). Start-up frees much native memory (class parsing,
	 * the JIT's arenas, the collections just made) that glibc keeps mapped for reuse: 15–17 MB of an idle
	 * process's resident memory. Once, after the burst, like the collection: a JVM or C library without it
	 * answers with a message and nothing happens.
	 */
	static String trimNativeHeap() {
		try {
			Object answer = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
						new Object[] { null }, new String[] { String[].class.getName() });
			return String.valueOf(answer).strip();
		}
		catch (JMException | RuntimeException ex) {
			return "native heap not trimmed: " + ex.getMessage();
		}
	}

	/** The JVM's free-heap ratios (manageable flags), set for one collection and restored after it. */
	record HeapRatios(@Nullable String min, @Nullable String max) {

		static HeapRatios lower(int min, int max) {
			HeapRatios saved = new HeapRatios(get("MinHeapFreeRatio"), get("MaxHeapFreeRatio"));
			// Min before max: the JVM refuses a MaxHeapFreeRatio below the current MinHeapFreeRatio.
			set("MinHeapFreeRatio", Integer.toString(min));
			set("MaxHeapFreeRatio", Integer.toString(max));
			return saved;
		}

		void restore() {
			// Max before min, for the same reason in reverse.
			if (this.max != null) {
				set("MaxHeapFreeRatio", this.max);
			}
			if (this.min != null) {
				set("MinHeapFreeRatio", this.min);
			}
		}

		private static @Nullable String get(String name) {
			try {
				return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
					.getVMOption(name)
					.getValue();
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		private static void set(String name, String value) {
			try {
				ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
					.setVMOption(name, value);
			}
			catch (RuntimeException ex) {
				// Not a HotSpot JVM, or the value is refused: collect with the ratios as they are.
				log.debug("Could not set {}={}: {}", name, value, ex.getMessage());
			}
		}

	}

}
