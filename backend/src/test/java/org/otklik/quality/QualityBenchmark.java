package org.otklik.quality;

import java.util.Arrays;
import java.util.Locale;

import org.otklik.quality.internal.RussianAnalyzer;
import org.otklik.quality.internal.QualityEngine;

/**
 * Latency of {@link QualityService#check} on a ~1,500-character answer with its appeal as context
 * (target: p95 ≤ 20 ms). A plain main, not a test: the name does not end in {@code Tests}, so
 * Surefire skips it. Run {@code bench/quality.sh}. Prints figures only; the machine is shared, so
 * it also times tokenising and stemming alone as a same-run baseline.
 */
public final class QualityBenchmark {

	/** An invented answer mixing good and poor sentences, so every rule does real work. */
	static final String ANSWER = "Здравствуйте, Валентина Петровна! Спасибо, что написали, и извините, что ответ "
			+ "задержался. Ваше обращение рассмотрено. Мы проверили подвал дома № 12 по ул. Кольцевой вместе с "
			+ "мастером управляющей компании «Северный дом»: течь из стояка горячей воды подтвердилась, вода стоит "
			+ "на полу уже несколько дней, отсюда сырость и запах в подъезде. 3 апреля сантехники заменят "
			+ "аварийный участок трубы длиной 6 метров, после этого откачают воду и просушат подвал тепловыми "
			+ "пушками в течение 5 дней. Обследование технического состояния внутридомовых инженерных систем "
			+ "осуществляется в установленном порядке в соответствии с утверждённым графиком, вопрос находится "
			+ "на контроле. По вопросу перерасчёта платы за дни без горячей воды рекомендуем обратиться в "
			+ "расчётный центр. Что касается дезинсекции подвала, которую вы просили провести, её выполнит "
			+ "подрядная организация, имеющая соответствующую лицензию, после завершения ремонтных работ и "
			+ "просушки помещения, предварительно согласовав дату с советом дома. Ответственный за работы — "
			+ "главный инженер Андрей Викторович Ким, телефон 8 (4132) 62-15-40, часы приёма: вторник и четверг "
			+ "с 14:00 до 17:00, кабинет 3. Если до 10 апреля в подвале снова появится вода, звоните в "
			+ "аварийно-диспетчерскую службу круглосуточно: 8 (4132) 62-00-01. Плесень на стенах подъезда "
			+ "обработают антисептиком 12 апреля, а косметический ремонт стен включён в план на май. Перерасчёт "
			+ "за дни без горячей воды появится в квитанции за апрель, сумму мы сообщим вам отдельно. Благодарим "
			+ "за понимание.";

	static final String APPEAL = "Здравствуйте! Живу на Кольцевой 12, в подвале уже неделю стоит горячая вода, "
			+ "в подъезде сыро и пахнет, на стенах плесень. В управляющую компанию звонили три раза, говорят — "
			+ "ждите. Когда починят? И кто будет делать перерасчёт за горячую воду? Ещё просим провести "
			+ "дезинсекцию, в подвале комары круглый год.";

	private QualityBenchmark() {
	}

	public static void main(String[] args) {
		int iterations = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		int warmup = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		long startupStart = System.nanoTime();
		QualityService service = new QualityService(QualityProperties.defaults());
		long startupNanos = System.nanoTime() - startupStart;
		RussianAnalyzer analyzer = new QualityEngine().analyzer();
		// The hand-written rules alone, timed in the same run: the learned model's share of a check.
		QualityEngine rulesOnly = new QualityEngine(null, org.otklik.quality.internal.LearnedCoach.DEFAULT_THRESHOLDS);

		int sink = 0;
		for (int i = 0; i < warmup; i++) {
			sink += service.check(ANSWER, APPEAL).score();
			sink += analyzer.analyze(ANSWER).tokens().size();
			sink += rulesOnly.analyse(ANSWER, APPEAL).findings().size();
		}
		long[] check = new long[iterations];
		long[] analyse = new long[iterations];
		long[] rules = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			long t0 = System.nanoTime();
			sink += service.check(ANSWER, APPEAL).score();
			long t1 = System.nanoTime();
			sink += analyzer.analyze(ANSWER).tokens().size();
			long t2 = System.nanoTime();
			sink += rulesOnly.analyse(ANSWER, APPEAL).findings().size();
			long t3 = System.nanoTime();
			check[i] = t1 - t0;
			analyse[i] = t2 - t1;
			rules[i] = t3 - t2;
		}
		System.out.printf(Locale.ROOT, "QualityService.check: answer %d chars, appeal %d chars, %d iterations after %d "
				+ "warm-up, %d CPUs, Java %s%n", ANSWER.length(), APPEAL.length(), iterations, warmup,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "dictionary compilation and model training at startup: %.1f ms%n",
				startupNanos / 1e6);
		print("check (answer + appeal)", check);
		print("same run: rules without model", rules);
		print("baseline: tokenise+stem answer", analyse);
		System.out.println("(checksum " + sink + ")");
	}

	private static void print(String label, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		System.out.printf(Locale.ROOT, "%-32s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  mean %6.2f ms%n",
				label, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, mean / 1e6);
	}

	private static double at(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
