package org.otklik.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.otklik.graphql.SharedSubscriptions;
import org.otklik.security.Role;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribers who would receive the same bytes share one execution (one registration on the event stream,
 * one execution per event); different scopes, and different subjects where the selection depends on the
 * subject, never do. Executions are counted as the shared groups running (the event stream's own
 * registration count also moves when a durable consumer re-registers, which made it flaky) and the
 * {@code otklik.live.executions} counter.
 */
class SharedSubscriptionIntegrationTests extends LiveTestSupport {

	static final String RECEIVED = "subscription { appealReceived { cursor type appeal { id } } }";

	@Autowired
	SharedSubscriptions shared;

	@Autowired
	MeterRegistry meters;

	@Test
	void sameScopeSubscribersShareOneExecution() throws Exception {
		String token = this.tokens.curator();
		int executions = this.shared.executions();
		int before = this.live.subscriberCount();
		List<CompletableFuture<List<Map>>> received = List.of(first(token, RECEIVED), first(token, RECEIVED),
				first(token, RECEIVED));
		awaitSubscribers(this.live, before + 3);
		assertThat(this.shared.executions()).as("one execution for three subscribers").isEqualTo(executions + 1);
		assertThat(this.shared.joiners()).isGreaterThanOrEqualTo(2);

		double counted = executed();
		String id = ingest("Не вывезли мусор на Пролетарской");
		for (CompletableFuture<List<Map>> events : received) {
			assertThat(events.get(20, TimeUnit.SECONDS)).extracting(LiveTestSupport::id).containsExactly(id);
		}
		if (executions == 0) {
			// Nothing else listens: the one event was executed once, not three times.
			assertThat(executed() - counted).as("executions of at most two events (received, maybe routed), not three subscribers each").isLessThan(3);
		}
		await(() -> this.live.subscriberCount() == before, "all three left");
		assertThat(this.shared.executions()).as("the shared execution ended with its last member").isEqualTo(executions);
	}

	@Test
	void differentSubjectsWithoutViewerFieldsShareAndWithViewerCanDoNot() throws Exception {
		String one = this.tokens.executor(HEALTH);
		String other = this.tokens.user("exec2.health", "Второй исполнитель", HEALTH, Role.EXECUTOR);
		String head = this.tokens.head(HEALTH);
		String plain = "subscription { appealChanged { cursor appeal { id status } } }";
		String viewer = "subscription { appealChanged { cursor appeal { id viewerCan { take } } } }";

		assertThat(executionsFor(List.of(one, other), plain)).as("same agency, same role, no viewer field").isEqualTo(1);
		assertThat(executionsFor(List.of(one, other), viewer)).as("viewerCan depends on the subject").isEqualTo(2);
		assertThat(executionsFor(List.of(one, head), viewer)).as("an executor and a head").isEqualTo(2);
		assertThat(executionsFor(List.of(one, head), plain)).as("different roles").isEqualTo(2);
		assertThat(executionsFor(List.of(one, one), viewer)).as("the same subject twice").isEqualTo(1);
	}

	@Test
	void differentScopesNeverShareAndEachGetsOnlyItsOwn() throws Exception {
		String document = "subscription { appealChanged { cursor type appeal { id author { name } } } }";
		assertThat(executionsFor(List.of(this.tokens.executor(HEALTH), this.tokens.executor(TENKA)), document))
			.as("two agencies' executors").isEqualTo(2);
		assertThat(executionsFor(List.of(this.tokens.integrator("test-integrator"), this.tokens.curator()), document))
			.as("an integrator and a curator with personal data").isEqualTo(2);

		int before = this.live.subscriberCount();
		CompletableFuture<List<Map>> health = first(this.tokens.executor(HEALTH), document);
		CompletableFuture<List<Map>> tenka = first(this.tokens.executor(TENKA), document);
		awaitSubscribers(this.live, before + 2);
		String toHealth = ingest("Нет талонов к терапевту", Map.of("authorName", "Иван Петров"));
		change("assignAppeal", Map.of("appealId", toHealth, "agencyId", agency(HEALTH).id()));
		String toTenka = ingest("Яма на дороге к Усть-Омчугу", Map.of("authorName", "Пётр Иванов"));
		change("assignAppeal", Map.of("appealId", toTenka, "agencyId", agency(TENKA).id()));

		Map healthEvent = health.get(20, TimeUnit.SECONDS).get(0);
		assertThat(id(healthEvent)).isEqualTo(toHealth);
		assertThat((Map) ((Map) healthEvent.get("appeal")).get("author")).containsEntry("name", "Иван Петров");
		assertThat(tenka.get(20, TimeUnit.SECONDS)).extracting(LiveTestSupport::id).containsExactly(toTenka);
	}

	@Test
	void aJoinerGetsWhatAFreshSubscriptionWouldFromItsJoiningOn() throws Exception {
		String token = this.tokens.curator();
		int executions = this.shared.executions();
		int before = this.live.subscriberCount();
		Sinks.Many<Map> leader = Sinks.many().replay().all();
		Disposable leading = subscribe(token, RECEIVED).filter(e -> "RECEIVED".equals(e.get("type"))).subscribe(leader::tryEmitNext);
		try {
			awaitSubscribers(this.live, before + 1);
			String earlier = ingest("Не работает лифт на Якутской");
			leader.asFlux().filter(e -> earlier.equals(id(e))).blockFirst(java.time.Duration.ofSeconds(20));

			CompletableFuture<List<Map>> joiner = subscribe(token, RECEIVED).filter(e -> "RECEIVED".equals(e.get("type")))
				.take(2).collectList().toFuture();
			CompletableFuture<List<Map>> fresh = subscribe(token, "subscription { appealReceived { type cursor appeal { id } } }")
				.filter(e -> "RECEIVED".equals(e.get("type")))
				.take(2).collectList().toFuture();
			awaitSubscribers(this.live, before + 3);
			assertThat(this.shared.executions()).as("the joiner runs nothing of its own").isEqualTo(executions + 2);

			String later = ingest("Не работает лифт на Пролетарской");
			String marker = ingest("Закрывающее обращение");
			List<String> expected = List.of(later, marker);
			assertThat(ids(fresh.get(20, TimeUnit.SECONDS))).as("a subscription of its own").isEqualTo(expected);
			assertThat(ids(joiner.get(20, TimeUnit.SECONDS))).as("nothing from before it joined, nothing missed")
				.isEqualTo(expected);
		}
		finally {
			leading.dispose();
		}
	}

	/** How many executions subscribers with these tokens start with this document. */
	private int executionsFor(List<String> tokens, String document) {
		int executions = this.shared.executions();
		int before = this.live.subscriberCount();
		List<Disposable> subscriptions = tokens.stream()
			.map(token -> subscribe(token, document).subscribe())
			.toList();
		try {
			awaitSubscribers(this.live, before + tokens.size());
			return this.shared.executions() - executions;
		}
		finally {
			subscriptions.forEach(Disposable::dispose);
			await(() -> this.live.subscriberCount() == before, "the subscribers left");
		}
	}

	private Flux<Map> subscribe(String token, String document) {
		String field = document.contains("appealReceived") ? "appealReceived" : "appealChanged";
		return webSocket(webSocketUrl(), token).document(document).retrieveSubscription(field).toEntity(Map.class);
	}

	private CompletableFuture<List<Map>> first(String token, String document) {
		return subscribe(token, document).filter(e -> !"RECEIVED".equals(e.get("type")) || document.contains("appealReceived"))
			.take(1).collectList().toFuture();
	}

	private double executed() {
		return this.meters.get("otklik.live.executions").counter().count();
	}

	private static List<String> ids(List<Map> events) {
		return events.stream().map(LiveTestSupport::id).toList();
	}

}
