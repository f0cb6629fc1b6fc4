package org.otklik.appeal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.otklik.OtklikApplication;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How cheap the SLA alert check stays with 100,000 open appeals. It fills the embedded server with open
 * appeals whose next threshold is spread over the coming month (a few hundred due now) and times the
 * check's query against the naive baseline of reading every open appeal into the JVM. Prints figures;
 * asserts nothing. Run with {@code bench/sla-alerts.sh [appeals] [dueNow] [runs]}.
 */
public final class SlaAlertBenchmark {

	private SlaAlertBenchmark() {
	}

	public static void main(String[] args) {
		int appeals = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int dueNow = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 7;
		ConfigurableApplicationContext context = SpringApplication.run(OtklikApplication.class,
				"--server.port=0", "--otklik.storage.embedded.backend=memory", "--otklik.storage.seed-demo=false",
				"--otklik.sla.alerts.enabled=false", "--logging.level.root=warn");
		try {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			Instant now = Instant.now();
			Random random = new Random(42);
			long fill = System.nanoTime();
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < appeals; i++) {
				boolean due = i < dueNow;
				Instant next = due ? now.minusSeconds(60 + random.nextInt(3600))
						: now.plusSeconds(60 + random.nextInt(30 * 24 * 3600));
				batch.add(new Document("_id", new ObjectId())
					.append("status", (i % 3 == 0) ? "ASSIGNED" : "IN_PROGRESS")
					.append("channel", "VK")
					.append("externalId", "bench-" + i)
					.append("text", "Нет отопления в доме номер " + i)
					.append("receivedAt", Date.from(now.minusSeconds(random.nextInt(7 * 24 * 3600))))
					.append("sla", new Document("policyCode", "SOCIAL")
						.append("nextAlertAt", Date.from(next))
						.append("nextDueAt", Date.from(next.plusSeconds(3600)))
						.append("announced", List.of())));
				if (batch.size() == 1000) {
					mongo.getCollection("appeals").flatMap(c -> reactor.core.publisher.Mono.from(c.insertMany(batch))).block();
					batch.clear();
				}
			}
			System.out.printf("filled %,d open appeals (%,d due now) in %.1f s%n", appeals, dueNow,
					(System.nanoTime() - fill) / 1e9);

			Query due = org.otklik.appeal.internal.AppealSlaAlerts.dueQuery(Instant.now(), 500);
			Query allOpen = Query.query(Criteria.where("status").in("NEW", "ASSIGNED", "IN_PROGRESS", "ON_REVIEW"));
			long[] dueTimes = new long[runs];
			long[] scanTimes = new long[runs];
			int found = 0;
			int scanned = 0;
			for (int run = 0; run < runs; run++) {
				long t0 = System.nanoTime();
				found = mongo.find(due, Document.class, "appeals").collectList().block(Duration.ofMinutes(2)).size();
				dueTimes[run] = System.nanoTime() - t0;
				long t1 = System.nanoTime();
				scanned = Flux.from(mongo.find(allOpen, Document.class, "appeals")).count().block(Duration.ofMinutes(5)).intValue();
				scanTimes[run] = System.nanoTime() - t1;
			}
			System.out.printf("due-appeal query  : %,d ids returned, median %.1f ms over %d runs (min %.1f, max %.1f)%n",
					found, median(dueTimes), runs, min(dueTimes), max(dueTimes));
			System.out.printf("baseline full read: %,d open appeals shipped to the JVM, median %.1f ms (min %.1f, max %.1f)%n",
					scanned, median(scanTimes), min(scanTimes), max(scanTimes));
			System.out.printf("ratio             : the check costs %.1f %% of reading every open appeal%n",
					100.0 * median(dueTimes) / median(scanTimes));
			System.out.println("note: the embedded server builds no non-unique index, so it filters by scanning inside the"
					+ " server; real MongoDB answers the same query from the sla_nextAlertAt index.");
		}
		finally {
			context.close();
		}
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static double min(long[] nanos) {
		return Arrays.stream(nanos).min().orElse(0) / 1e6;
	}

	private static double max(long[] nanos) {
		return Arrays.stream(nanos).max().orElse(0) / 1e6;
	}

}
