package org.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints how many appeal clock evaluations per second one thread manages, over a realistic mix of
 * policies, pauses, answers and reopenings received across 2025–2026. Not a test: run it by hand, e.g.
 * {@code java -cp "backend/target/test-classes:backend/target/classes:$(cat cp.txt)" org.otklik.sla.SlaClockBenchmark}.
 */
public final class SlaClockBenchmark {

	private SlaClockBenchmark() {
	}

	public static void main(String[] args) {
		int appeals = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		SlaEngine engine = new SlaEngine(ProductionCalendarRegistry.withBuiltInYears(), SlaProperties.defaults());
		SlaPolicyMatcher matcher = new SlaPolicyMatcher(SlaPolicyYaml.defaults());
		String[] channels = { "VK", "VK", "VK", "TELEGRAM", "OK", "MAX", "GOSUSLUGI", "EMAIL", "PHONE" };
		SplittableRandom random = new SplittableRandom(42);
		Instant from = Instant.parse("2025-01-01T00:00:00Z");
		Instant now = Instant.parse("2026-12-20T03:00:00Z");
		long span = Duration.between(from, now).toMinutes();

		List<SlaPolicy> policies = new ArrayList<>(appeals);
		List<SlaClockInput> inputs = new ArrayList<>(appeals);
		for (int i = 0; i < appeals; i++) {
			SlaPolicy policy = matcher.require(channels[random.nextInt(channels.length)], random.nextInt(20) == 0, "OTHER");
			Instant received = from.plus(Duration.ofMinutes(random.nextLong(span)));
			SlaClockInput input = SlaClockInput.received(received);
			if (random.nextInt(3) > 0) {
				input = input.withFirstResponse(received.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))));
			}
			if (random.nextInt(4) == 0) {
				Instant pause = received.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
				input = input.withPauses(List.of(new SlaPause(pause, random.nextBoolean() ? null
						: pause.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))), "Ждём ответа заявителя")));
			}
			if (random.nextInt(2) == 0) {
				input = input.withAnswer(received.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60))));
			}
			if (random.nextInt(20) == 0) {
				input = input.withReopen(received.plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60))));
			}
			policies.add(policy);
			inputs.add(input);
		}

		System.out.printf("%d appeals, %d available processors, Java %s%n", appeals,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		long sink = 0;
		for (int round = 1; round <= 5; round++) {
			long start = System.nanoTime();
			for (int i = 0; i < appeals; i++) {
				AppealSla sla = engine.evaluate(policies.get(i), inputs.get(i), now, null);
				sink += sla.finalAnswer().dueAt().getEpochSecond() + sla.firstResponse().state().ordinal();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("round %d: %,.0f appeal evaluations/s (two clocks each), %.2f µs each%n", round,
					appeals / seconds, seconds * 1e6 / appeals);
		}
		long start = System.nanoTime();
		for (int i = 0; i < appeals; i++) {
			sink += engine.forecast(policies.get(i), inputs.get(i).receivedAt(), null).finalAnswerDueAt().getNano();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("forecasts: %,.0f/s%n", appeals / seconds);
		System.out.println("(checksum " + sink + ")");
	}

}
