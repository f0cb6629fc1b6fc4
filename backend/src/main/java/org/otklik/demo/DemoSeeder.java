package org.otklik.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Answer;
import org.otklik.appeal.AnswerQuality;
import org.otklik.appeal.AnswerKind;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEventType;
import org.otklik.appeal.AppealService;
import org.otklik.security.Caller;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Author;
import org.otklik.appeal.Channel;
import org.otklik.appeal.HistoryEntry;
import org.otklik.appeal.Person;
import org.otklik.appeal.Reach;
import org.otklik.appeal.ReviewState;
import org.otklik.quality.QualityService;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.runtime.HeapTrim;
import org.otklik.storage.EmbeddedMongoConfiguration.EmbeddedMongoMarker;
import org.otklik.storage.StorageProperties;
import org.otklik.text.RussianStems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo region (agencies and about 200 appeals over the last 30 days, in every status) into the
 * embedded database on first start. An external database is seeded only when {@code OTKLIK_SEED_DEMO=true};
 * {@code false} disables seeding everywhere.
 * <p>
 * Loading runs in the background after start, while {@link DemoDataHealthIndicator} keeps health and
 * readiness at {@code LOADING}. It is resumable: agencies are matched by code, appeals by their deterministic
 * (channel, externalId), and the {@code demo_seed} marker is written last, so a start that finds no marker
 * completes whatever an interrupted one left (a Ctrl-C in the middle used to leave half the region forever).
 */
@Component
public class DemoSeeder implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	static final int APPEALS = 200;

	/** The collection of the one marker document, written when the demo region is complete. */
	static final String MARKER_COLLECTION = "demo_seed";

	private static final String MARKER_ID = "demo-region";

	private static final Person INTEGRATOR = new Person("demo-integrator", "Мониторинг соцсетей (демо)");

	private static final Person CURATOR = new Person("curator", "Куратор ЦУР (демо)");

	/** Where loading stands, for the health indicator. */
	enum State {
		/** Seeding is switched off (or not started yet because it is). */
		OFF,
		/** Loading or completing the demo region. */
		LOADING,
		/** The marker is present: the demo region is complete. */
		LOADED,
		/** Loading failed; the next start tries again. */
		FAILED
	}

	private final ReactiveMongoTemplate mongo;

	private final AgencyService agencies;

	private final StorageProperties properties;

	private final boolean embedded;

	private final Clock clock;

	private final AppealService appealService;

	private final QualityService quality;

	private final HeapTrim heapTrim;

	private volatile State state;

	private volatile @Nullable Disposable loading;

	public DemoSeeder(ReactiveMongoTemplate mongo, AgencyService agencies, StorageProperties properties,
			ObjectProvider<EmbeddedMongoMarker> embedded, Clock clock, AppealService appealService, QualityService quality,
			HeapTrim heapTrim) {
		this.quality = quality;
		this.heapTrim = heapTrim;
		this.mongo = mongo;
		this.agencies = agencies;
		this.properties = properties;
		this.embedded = embedded.getIfAvailable() != null;
		this.clock = clock;
		this.appealService = appealService;
		// Not ready from the very first health check until the runner has looked at the marker.
		this.state = enabled() ? State.LOADING : State.OFF;
	}

	boolean enabled() {
		Boolean wanted = this.properties.seedDemo();
		return (wanted != null) ? wanted : this.embedded;
	}

	State state() {
		return this.state;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.resetDemo() && !this.embedded) {
			log.warn("OTKLIK_RESET_DEMO=true is ignored: it only resets the embedded server, never MONGODB_URI");
		}
		if (!enabled()) {
			return;
		}
		// No heap trim while the region loads: the trim after it covers both bursts.
		this.heapTrim.burstBegins();
		this.loading = seed().subscribe(v -> {
		}, ex -> {
			this.state = State.FAILED;
			this.heapTrim.afterBurst();
			log.warn("Loading the demo region failed ({}); the next start completes it", ex.toString());
		}, () -> {
			this.state = State.LOADED;
			// Loading allocated several times the region's size: give it back once its consumers have run.
			this.heapTrim.afterBurst();
		});
	}

	/** A shutdown during loading stops it quietly; the missing marker makes the next start complete it. */
	@Override
	public void destroy() {
		Disposable running = this.loading;
		if (running != null && !running.isDisposed() && this.state == State.LOADING) {
			running.dispose();
			log.info("Loading the demo region was interrupted; the next start completes it");
		}
	}

	/** Loads or completes the demo region unless its marker says it is complete. */
	Mono<Void> seed() {
		return this.mongo.findById(MARKER_ID, Document.class, MARKER_COLLECTION)
			.hasElement()
			.flatMap(done -> done ? Mono.<Void>empty() : load(APPEALS).then(writeMarker()));
	}

	/** Stores the agencies and the first {@code count} appeals that are missing; writes no marker. */
	Mono<Long> load(int count) {
		log.info("Loading the demo region (health reports LOADING until it is complete)");
		return Flux.fromIterable(DemoAgencies.all())
			.concatMap(agency -> this.agencies.byCode(agency.code()).switchIfEmpty(Mono.defer(() -> this.agencies.save(agency))))
			.collectList()
			.flatMap(saved -> Flux.fromIterable(appeals(saved).subList(0, count))
				.map(withQuality(new java.util.HashMap<>()))
				.collectList()
				.flatMap(all -> this.appealService.importHistory(Caller.SYSTEM, all)))
			.doOnSuccess(stored -> log.info("Demo region loaded: {} agencies, {} appeals ({} stored now)",
					DemoAgencies.all().size(), count, stored));
	}

	private Mono<Void> writeMarker() {
		Document marker = new Document("_id", MARKER_ID).append("agencyCount", DemoAgencies.all().size())
			.append("appealCount", APPEALS)
			.append("completedAt", java.util.Date.from(this.clock.instant()));
		return this.mongo.save(marker, MARKER_COLLECTION).then();
	}

	/**
	 * Demo answers carry the coach's report, as submitted answers do, so review and growth zones show it. The
	 * region repeats its 60 texts and a few stock answers, so each (answer, appeal) pair is checked once.
	 */
	private Function<Appeal, Appeal> withQuality(Map<List<String>, AnswerQuality> checked) {
		return appeal -> appeal.withAnswers(appeal.answers()
			.stream()
			.map(a -> new Answer(a.id(), a.kind(), a.text(), a.author(), a.submittedAt(), a.review(), a.reviewedBy(),
					a.reviewedAt(), a.reviewComment(), a.clientAnswerId(),
					checked.computeIfAbsent(List.of(a.text(), appeal.text()),
							pair -> AnswerQuality.of(this.quality.check(a.text(), appeal.text()), a.text()))))
			.toList());
	}

	List<Appeal> appeals(List<Agency> agencies) {
		List<DemoText> texts = texts();
		Map<String, Agency> byCode = agencies.stream().collect(Collectors.toMap(Agency::code, Function.identity()));
		Random random = new Random(20261128);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Appeal> appeals = new ArrayList<>();
		for (int i = 0; i < APPEALS; i++) {
			DemoText text = texts.get(i % texts.size());
			// Newer appeals are more often still open; older ones mostly finished.
			double ageDays = Math.pow(random.nextDouble(), 1.3) * 30;
			Instant received = now.minus(Duration.ofMinutes((long) (ageDays * 24 * 60)));
			appeals.add(appeal(i, text, received, now, byCode, random));
		}
		return appeals;
	}

	private Appeal appeal(int index, DemoText text, Instant received, Instant now, Map<String, Agency> byCode,
			Random random) {
		Channel channel = (index < 60) ? text.channel() : pickChannel(random);
		Agency agency = responsible(text, byCode);
		AppealStatus target = text.notAppeal() ? AppealStatus.REJECTED : pickStatus(received, now, random);
		List<HistoryEntry> history = new ArrayList<>();
		history.add(new HistoryEntry(received, AppealEventType.RECEIVED, INTEGRATOR, null, AppealStatus.NEW, null, null, null));
		Person executor = new Person("exec." + agency.code().toLowerCase(), executorName(random));
		List<Answer> answers = new ArrayList<>();
		Instant t = received;
		String agencyId = null;
		Person assignedExecutor = null;
		Instant firstResponded = null;
		Instant answered = null;
		Instant closed = null;
		int redirects = 0;
		AppealStatus status = AppealStatus.NEW;
		AppealEventType last = AppealEventType.RECEIVED;
		if (target == AppealStatus.REJECTED) {
			t = t.plus(minutes(random, 10, 90));
			history.add(new HistoryEntry(t, AppealEventType.REJECTED, CURATOR, status, AppealStatus.REJECTED, null, null,
					"Не является обращением"));
			status = AppealStatus.REJECTED;
			closed = t;
			last = AppealEventType.REJECTED;
		}
		if (target.ordinal() >= AppealStatus.ASSIGNED.ordinal() && target != AppealStatus.REJECTED) {
			t = t.plus(minutes(random, 5, 60));
			if (random.nextInt(8) == 0) {
				Agency wrong = byCode.get("MAGADAN");
				history.add(new HistoryEntry(t, AppealEventType.ASSIGNED, CURATOR, status, AppealStatus.ASSIGNED, null,
						wrong.id(), null));
				t = t.plus(minutes(random, 30, 240));
				history.add(new HistoryEntry(t, AppealEventType.REDIRECTED, executor, AppealStatus.ASSIGNED,
						AppealStatus.ASSIGNED, wrong.id(), agency.id(), "Вопрос относится к другому ведомству"));
				redirects = 1;
				last = AppealEventType.REDIRECTED;
			}
			else {
				history.add(new HistoryEntry(t, AppealEventType.ASSIGNED, CURATOR, status, AppealStatus.ASSIGNED, null,
						agency.id(), null));
				last = AppealEventType.ASSIGNED;
			}
			agencyId = agency.id();
			status = AppealStatus.ASSIGNED;
		}
		if (target.ordinal() >= AppealStatus.IN_PROGRESS.ordinal() && target != AppealStatus.REJECTED) {
			t = t.plus(minutes(random, 10, 180));
			history.add(new HistoryEntry(t, AppealEventType.TAKEN, executor, status, AppealStatus.IN_PROGRESS, null, null, null));
			assignedExecutor = executor;
			status = AppealStatus.IN_PROGRESS;
			last = AppealEventType.TAKEN;
			if (random.nextBoolean()) {
				t = t.plus(minutes(random, 20, 300));
				answers.add(new Answer(UUID.randomUUID().toString(), AnswerKind.INTERIM, DemoAnswers.interim(random),
						executor, t, ReviewState.NOT_REQUIRED, null, null, null, null, null));
				history.add(new HistoryEntry(t, AppealEventType.INTERIM_ANSWERED, executor, status, status, null, null, null));
				firstResponded = t;
				last = AppealEventType.INTERIM_ANSWERED;
			}
		}
		if (target.ordinal() >= AppealStatus.ON_REVIEW.ordinal() && target != AppealStatus.REJECTED) {
			t = t.plus(minutes(random, 60, 2000));
			boolean approved = target.ordinal() >= AppealStatus.ANSWERED.ordinal();
			answers.add(new Answer(UUID.randomUUID().toString(), AnswerKind.FINAL, DemoAnswers.fin(text.category()),
					executor, t, approved ? ReviewState.APPROVED : ReviewState.PENDING, approved ? CURATOR : null,
					null, null, null, null));
			history.add(new HistoryEntry(t, AppealEventType.FINAL_SUBMITTED, executor, status, AppealStatus.ON_REVIEW, null,
					null, null));
			status = AppealStatus.ON_REVIEW;
			last = AppealEventType.FINAL_SUBMITTED;
			if (approved) {
				t = t.plus(minutes(random, 15, 240));
				Answer fin = answers.remove(answers.size() - 1);
				answers.add(new Answer(fin.id(), fin.kind(), fin.text(), fin.author(), fin.submittedAt(),
						ReviewState.APPROVED, CURATOR, t, null, null, null));
				history.add(new HistoryEntry(t, AppealEventType.ANSWER_APPROVED, CURATOR, status, AppealStatus.ANSWERED,
						null, null, null));
				status = AppealStatus.ANSWERED;
				answered = t;
				firstResponded = (firstResponded != null) ? firstResponded : t;
				last = AppealEventType.ANSWER_APPROVED;
			}
		}
		if (target == AppealStatus.CLOSED) {
			t = t.plus(minutes(random, 60, 1440));
			history.add(new HistoryEntry(t, AppealEventType.CLOSED, CURATOR, status, AppealStatus.CLOSED, null, null, null));
			status = AppealStatus.CLOSED;
			closed = t;
			last = AppealEventType.CLOSED;
		}
		if (t.isAfter(now)) {
			// Keep the story in the past even for the newest appeals.
			Duration shift = Duration.between(now, t).plusMinutes(1);
			return shifted(index, text, channel, received.minus(shift), history, shift, answers, agencyId,
					assignedExecutor, redirects, firstResponded, answered, closed, status, last, random);
		}
		return build(index, text, channel, received, history, answers, agencyId, assignedExecutor, redirects,
				firstResponded, answered, closed, status, last, random);
	}

	private Appeal shifted(int index, DemoText text, Channel channel, Instant received, List<HistoryEntry> history,
			Duration shift, List<Answer> answers, String agencyId, Person executor, int redirects, Instant firstResponded,
			Instant answered, Instant closed, AppealStatus status, AppealEventType last, Random random) {
		List<HistoryEntry> moved = history.stream()
			.map(h -> new HistoryEntry(h.at().minus(shift), h.type(), h.actor(), h.fromStatus(), h.toStatus(),
					h.fromAgencyId(), h.toAgencyId(), h.reason()))
			.toList();
		List<Answer> movedAnswers = answers.stream()
			.map(a -> new Answer(a.id(), a.kind(), a.text(), a.author(), a.submittedAt().minus(shift), a.review(),
					a.reviewedBy(), (a.reviewedAt() != null) ? a.reviewedAt().minus(shift) : null, a.reviewComment(),
					a.clientAnswerId(), a.quality()))
			.toList();
		return build(index, text, channel, received, moved, movedAnswers, agencyId, executor, redirects,
				minus(firstResponded, shift), minus(answered, shift), minus(closed, shift), status, last, random);
	}

	private Appeal build(int index, DemoText text, Channel channel, Instant received, List<HistoryEntry> history,
			List<Answer> answers, String agencyId, Person executor, int redirects, Instant firstResponded,
			Instant answered, Instant closed, AppealStatus status, AppealEventType last, Random random) {
		HistoryEntry latest = history.get(history.size() - 1);
		String externalId = "demo-" + channel.name().toLowerCase() + "-" + (100000 + index);
		String id = new org.bson.types.ObjectId().toHexString();
		return new Appeal(id, history.size(), status, channel, externalId, url(channel, externalId),
				received.minus(minutes(random, 1, 30)), text.text(),
				new Author(DemoAnswers.citizen(random), "https://vk.com/id" + (1000000 + random.nextInt(9000000))),
				text.municipality(), text.category(), text.urgent(),
				new Reach(50 + random.nextInt(5000), random.nextInt(200), random.nextInt(60)), agencyId, executor,
				answers, history, redirects, 0, received, firstResponded, answered, closed, null,
				RussianStems.distinct(text.text()), "demo-integrator",
				null, null);
	}

	private static Instant minus(Instant instant, Duration shift) {
		return (instant != null) ? instant.minus(shift) : null;
	}

	private static Duration minutes(Random random, int from, int to) {
		return Duration.ofMinutes(from + random.nextInt(to - from));
	}

	private static AppealStatus pickStatus(Instant received, Instant now, Random random) {
		double ageHours = Duration.between(received, now).toMinutes() / 60.0;
		int roll = random.nextInt(100);
		if (ageHours < 24) {
			return (roll < 30) ? AppealStatus.NEW : (roll < 55) ? AppealStatus.ASSIGNED
					: (roll < 85) ? AppealStatus.IN_PROGRESS : AppealStatus.ON_REVIEW;
		}
		if (ageHours < 24 * 7) {
			return (roll < 5) ? AppealStatus.NEW : (roll < 20) ? AppealStatus.ASSIGNED
					: (roll < 45) ? AppealStatus.IN_PROGRESS : (roll < 60) ? AppealStatus.ON_REVIEW
							: (roll < 85) ? AppealStatus.ANSWERED : AppealStatus.CLOSED;
		}
		return (roll < 4) ? AppealStatus.ASSIGNED : (roll < 10) ? AppealStatus.IN_PROGRESS
				: (roll < 35) ? AppealStatus.ANSWERED : AppealStatus.CLOSED;
	}

	private static Channel pickChannel(Random random) {
		int roll = random.nextInt(100);
		return (roll < 60) ? Channel.VK : (roll < 75) ? Channel.TELEGRAM : (roll < 83) ? Channel.OK
				: (roll < 88) ? Channel.MAX : (roll < 95) ? Channel.GOSUSLUGI : Channel.EMAIL;
	}

	private static Agency responsible(DemoText text, Map<String, Agency> byCode) {
		Municipality m = (text.municipality() != null) ? text.municipality() : Municipality.MAGADAN;
		boolean municipalMatter = text.category() == Category.OTHER
				|| (m != Municipality.MAGADAN && (text.category() == Category.ROADS_TRANSPORT
						|| text.category() == Category.HOUSING_UTILITIES));
		if (municipalMatter) {
			return byCode.values().stream().filter(a -> m == a.municipality()).findFirst().orElse(byCode.get("MAGADAN"));
		}
		return byCode.values()
			.stream()
			.filter(a -> a.municipality() == null && a.answersFor(text.category()))
			.findFirst()
			.orElse(byCode.get("MAGADAN"));
	}

	private static String url(Channel channel, String externalId) {
		return switch (channel) {
			case VK -> "https://vk.com/wall-100000_" + externalId.substring(externalId.lastIndexOf('-') + 1);
			case TELEGRAM -> "https://t.me/magadan_cur/" + externalId.substring(externalId.lastIndexOf('-') + 1);
			case OK -> "https://ok.ru/group/1000/topic/" + externalId.substring(externalId.lastIndexOf('-') + 1);
			default -> null;
		};
	}

	private static String executorName(Random random) {
		String[] names = { "Ирина Соколова", "Андрей Петров", "Ольга Ким", "Сергей Волков", "Наталья Белова" };
		return names[random.nextInt(names.length)];
	}

	/** One demo text with its labels. */
	record DemoText(Channel channel, Municipality municipality, Category category, boolean urgent, boolean notAppeal,
			String text) {
	}

	static List<DemoText> texts() {
		List<DemoText> texts = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("demo/appeals.jsonl").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				Document node = Document.parse(line);
				texts.add(new DemoText(Channel.valueOf(node.getString("channel")),
						Municipality.fromTitle(node.getString("municipality")).orElse(Municipality.MAGADAN),
						Category.valueOf(node.getString("category")), node.getBoolean("urgent"),
						node.getBoolean("notAppeal"), node.getString("text")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return texts;
	}

}
