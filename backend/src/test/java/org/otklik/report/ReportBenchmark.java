package org.otklik.report;

import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.otklik.OtklikApplication;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealExport;
import org.otklik.appeal.AppealRow;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Author;
import org.otklik.appeal.Channel;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.Person;
import org.otklik.appeal.Reach;
import org.otklik.appeal.internal.AppealSlaCalculator;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.security.Caller;
import org.otklik.security.IdentityKeys;
import org.otklik.security.SecurityProperties;
import org.otklik.security.TestTokens;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * What a report of 100,000 appeals costs: seeds the embedded server (memory backend) through the appeal
 * module's SLA calculator (bulk inserts), then downloads the XLSX and the CSV over HTTP as a curator and prints the time, the size
 * and the heap: the largest heap left after any collection during the download (the live set the export
 * holds) next to the baseline after seeding, and what holding the same rows in a list would take. Prints
 * figures; asserts nothing. Run with {@code bench/report.sh [appeals]}.
 */
public final class ReportBenchmark {

	/** When the live heap is taken during a download: far from both ends of either file. */
	static final long MIDWAY_BYTES = 2L << 20;

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int appeals = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		ConfigurableApplicationContext context = SpringApplication.run(OtklikApplication.class, "--server.port=0",
				"--otklik.storage.embedded.backend=memory", "--otklik.storage.seed-demo=false",
				"--otklik.sla.alerts.enabled=false", "--otklik.security.embedded-issuer-uri=http://localhost/idp-bench",
				"--logging.level.root=warn");
		try {
			int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			Agency agency = context.getBean(AgencyService.class)
				.save(new Agency(null, "BENCH", "Министерство здравоохранения", AgencyKind.MINISTRY,
						List.of(Category.HEALTHCARE), null, true))
				.block();
			long seedStart = System.nanoTime();
			seed(context.getBean(ReactiveMongoTemplate.class), context.getBean(AppealSlaCalculator.class), agency.id(),
					appeals);
			double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
			System.out.printf("seeded %,d appeals in %.1f s%n", appeals, seedSeconds);

			TestTokens tokens = new TestTokens(context.getBean(IdentityKeys.class),
					context.getBean(SecurityProperties.class));
			HttpClient http = HttpClient.newHttpClient();
			long baseline = liveHeap();
			System.out.printf("heap after seeding (after GC): %d MB%n", baseline >> 20);
			for (String format : List.of("xlsx", "csv")) {
				long after = liveHeap();
				GcWatch watch = GcWatch.start();
				long start = System.nanoTime();
				HttpResponse<InputStream> response = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/api/reports/appeals." + format))
					.header("Authorization", "Bearer " + tokens.curator())
					.timeout(Duration.ofMinutes(10))
					.build(), HttpResponse.BodyHandlers.ofInputStream());
				long bytes = 0;
				long midway = -1;
				try (InputStream body = response.body()) {
					byte[] chunk = new byte[64 * 1024];
					for (int n; (n = body.read(chunk)) >= 0;) {
						bytes += n;
						if (midway < 0 && bytes >= MIDWAY_BYTES) {
							// The live set while the export is under way: a full collection leaves only what is held.
							midway = liveHeap();
						}
					}
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				watch.stop();
				System.out.printf(
						"%s: HTTP %d, %,d bytes in %.1f s (%,.0f rows/s); live heap before %d MB, live heap mid-download"
								+ " (full GC after 2 MB read) %d MB (+%d MB); largest after any GC %d MB (%d collections),"
								+ " sampled peak used %d MB%n",
						format, response.statusCode(), bytes, seconds, appeals / seconds, after >> 20, midway >> 20,
						(midway - after) >> 20, watch.maxAfterGc() >> 20, watch.collections(), watch.sampledPeak() >> 20);
			}
			// The comparison: the same rows collected instead of streamed.
			List<AppealRow> held = context.getBean(AppealExport.class).rows(Caller.SYSTEM, null, null, null).collectList().block();
			long holding = liveHeap();
			System.out.printf("holding the %,d rows in a list instead: heap %d MB (+%d MB over the baseline)%n", held.size(),
					holding >> 20, (holding - baseline) >> 20);
		}
		finally {
			context.close();
		}
	}

	/**
	 * Inserts the appeals as documents with their SLA snapshot, in bulk and without a change event each:
	 * through the import path every appeal also went through the event stream's consumers, which on this
	 * 2-core machine under load took over ten minutes for 100,000 and measured nothing about reports.
	 */
	private static void seed(ReactiveMongoTemplate mongo, AppealSlaCalculator sla, String agencyId, int appeals) {
		Instant now = Instant.now();
		Person curator = new Person("curator", "Куратор ЦУР");
		List<Appeal> batch = new ArrayList<>();
		for (int i = 0; i < appeals; i++) {
			Instant received = now.minusSeconds(60L * (appeals - i));
			List<HistoryEntry> history = List.of(
					new HistoryEntry(received, AppealEventType.RECEIVED, curator, null, AppealStatus.NEW, null, null, null),
					new HistoryEntry(received.plusSeconds(30), AppealEventType.ASSIGNED, curator, AppealStatus.NEW,
							AppealStatus.ASSIGNED, null, agencyId, null));
			Appeal appeal = new Appeal(new org.bson.types.ObjectId().toHexString(), 2, AppealStatus.ASSIGNED,
					Channel.VK, "bench-" + i, "https://vk.com/wall-1_" + i, received,
					"Нет горячей воды в доме " + i + " по улице Пролетарской, третий день, дети болеют. "
							+ "Просим разобраться и сообщить сроки.",
					new Author("Житель " + i, "https://vk.com/id" + i), Municipality.MAGADAN, Category.HEALTHCARE, false,
					new Reach(10, 1, 0), agencyId, null, List.of(), history, 0, 0, received, null, null, null, null,
					List.of(), "bench", null, null);
			batch.add(sla.policyOf(appeal).map(policy -> appeal.withSla(sla.snapshot(policy, appeal, now, List.of()))).block());
			if (batch.size() == 1_000) {
				mongo.insertAll(batch).then().block();
				batch = new ArrayList<>();
				if ((i + 1) % 20_000 == 0) {
					System.out.printf("  %,d inserted%n", i + 1);
				}
			}
		}
		if (!batch.isEmpty()) {
			mongo.insertAll(batch).then().block();
		}
	}

	private static long liveHeap() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Watches collections (heap left after each) and samples used heap while a download runs. */
	static final class GcWatch {

		private final AtomicLong maxAfterGc = new AtomicLong();

		private final AtomicLong collections = new AtomicLong();

		private final AtomicLong sampled = new AtomicLong();

		private final List<Runnable> undo = new ArrayList<>();

		private volatile boolean running = true;

		static GcWatch start() {
			GcWatch watch = new GcWatch();
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				NotificationEmitter emitter = (NotificationEmitter) gc;
				javax.management.NotificationListener listener = (notification, handback) -> {
					if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
						return;
					}
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					long used = 0;
					for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
						used += pool.getValue().getUsed();
					}
					watch.collections.incrementAndGet();
					watch.maxAfterGc.accumulateAndGet(used, Math::max);
				};
				emitter.addNotificationListener(listener, null, null);
				watch.undo.add(() -> {
					try {
						emitter.removeNotificationListener(listener);
					}
					catch (javax.management.ListenerNotFoundException ex) {
						// already gone
					}
				});
			}
			Thread sampler = new Thread(() -> {
				while (watch.running) {
					watch.sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
							Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			sampler.setDaemon(true);
			sampler.start();
			return watch;
		}

		void stop() {
			this.running = false;
			this.undo.forEach(Runnable::run);
		}

		long maxAfterGc() {
			return this.maxAfterGc.get();
		}

		long collections() {
			return this.collections.get();
		}

		long sampledPeak() {
			return this.sampled.get();
		}

	}

}
