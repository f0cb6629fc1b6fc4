package org.otklik.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.otklik.agency.Agency;
import org.otklik.agency.AgencyService;
import org.otklik.appeal.Appeal;
import org.otklik.appeal.AppealEvent;
import org.otklik.appeal.AppealInputs.AssignAppealInput;
import org.otklik.appeal.AppealService;
import org.otklik.appeal.AppealStatus;
import org.otklik.appeal.Channel;
import org.otklik.appeal.LastEvent;
import org.otklik.graphql.OtklikException;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.region.Category;
import org.otklik.routing.internal.AgencyRules;
import org.otklik.routing.internal.CategoryClassifier;
import org.otklik.routing.internal.Router;
import org.otklik.routing.internal.RoutingStore;
import org.otklik.routing.internal.RoutingStore.StoredExample;
import org.otklik.routing.internal.RoutingStore.StoredModel;
import org.otklik.routing.internal.RoutingStore.StoredRules;
import org.otklik.routing.internal.RoutingStore.StoredSuggestion;
import org.otklik.routing.internal.Training;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Routing suggestions for appeals: computes them (on demand and at intake), keeps curators' routing
 * decisions as labelled examples and retrains the category model from them. Every entry point checks
 * the caller's role here.
 */
@Service
public class RoutingService implements org.springframework.beans.factory.DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

	private static final ZoneId REGION = ZoneId.of("Asia/Magadan");

	private final RoutingStore store;

	private final AgencyService agencies;

	private final Clock clock;

	private final RoutingProperties properties;

	private final AtomicReference<Router> router;

	private final AppealService appeals;

	/** The agency rules text in use, to notice another instance's edit. */
	private volatile String rulesText = AgencyRules.shippedText();

	/** The identity of automatic delivery: the appeal's history names it «автоматически». */
	static final Caller AUTOMATIC = new Caller(Caller.SYSTEM.id(), "автоматически", Caller.SYSTEM.roles(), null,
			Caller.SYSTEM.clientId());

	public RoutingService(RoutingStore store, AgencyService agencies, Clock clock, RoutingProperties properties,
			AppealService appeals) {
		this.appeals = appeals;
		this.store = store;
		this.agencies = agencies;
		this.clock = clock;
		this.properties = properties;
		// The shipped model (version 0) answers from the first request; the database's model replaces it once
		// the application is ready.
		this.router = new AtomicReference<>(
				Training.train(List.of(), AgencyRules.parse(AgencyRules.shippedText()), 0, clock.instant()));
	}

	/** Input of {@code retrainRouting}. */
	public record RetrainRoutingInput(@Nullable String reason) {
	}

	/** Input of {@code updateRoutingAgencyRules}. */
	public record UpdateRoutingAgencyRulesInput(@Nullable String text) {
	}

	/** Payload of {@code updateRoutingAgencyRules}. */
	public record UpdateRoutingAgencyRulesPayload(@Nullable String text, List<UserError> errors) {
	}

	/** Payload of {@code retrainRouting}. */
	public record RetrainRoutingPayload(@Nullable RoutingModel model, List<UserError> errors) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void trainOnStoredExamples() {
		rebuild().subscribe(model -> log.info("Routing model {} trained on {} examples", model.version(), model.examples()),
				ex -> log.warn("Routing model not retrained at start: {}", ex.getMessage()));
		java.time.Duration every = this.properties.reloadInterval();
		this.reloads = Flux.interval(every, every)
			.onBackpressureDrop()
			.concatMap(tick -> reloadIfChanged().onErrorResume(ex -> {
				log.warn("Routing model not reloaded: {}", ex.getMessage());
				return Mono.just(false);
			}), 1)
			.subscribe(changed -> {
				if (changed) {
					log.info("Routing model {} loaded from another instance's training", this.router.get().model().version());
				}
			});
	}

	private volatile reactor.core.@Nullable Disposable reloads;

	@Override
	public void destroy() {
		reactor.core.Disposable d = this.reloads;
		if (d != null) {
			d.dispose();
		}
	}

	/** A suggestion for any text: the ЦУР checks one by hand, an integrator before it sends. */
	public Mono<RoutingSuggestion> suggest(Caller caller, String text, @Nullable Channel channel) {
		caller.requireAny(Role.CURATOR, Role.INTEGRATOR);
		if (text.length() > this.properties.maxTextLength()) {
			return Mono.error(OtklikException
				.invalidArgument("text is longer than " + this.properties.maxTextLength() + " characters"));
		}
		return Mono.fromSupplier(() -> suggest(text));
	}

	/** The suggestion for a text now, with the model in use. */
	public RoutingSuggestion suggest(String text) {
		int month = this.clock.instant().atZone(REGION).getMonthValue();
		return this.router.get().suggest(text, this.properties.coldMonths().contains(month));
	}

	/**
	 * The stored suggestions of a page of appeals the caller already may read, in one query; a missing one
	 * is computed and stored. Curators, executors and heads see them; integrators ask {@code suggestRouting}.
	 */
	public Mono<Map<Appeal, RoutingSuggestion>> routing(Caller caller, List<Appeal> appeals) {
		if (!(caller.isCurator() || caller.has(Role.EXECUTOR) || caller.has(Role.HEAD)) || appeals.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.store.suggestions(appeals.stream().map(Appeal::id).distinct().toList())
			.collectMap(StoredSuggestion::id, StoredSuggestion::suggestion)
			.flatMap(found -> {
				Map<Appeal, RoutingSuggestion> result = new LinkedHashMap<>();
				List<StoredSuggestion> missing = new java.util.ArrayList<>();
				for (Appeal appeal : appeals) {
					RoutingSuggestion suggestion = found.get(appeal.id());
					if (suggestion == null) {
						suggestion = suggest(appeal.text());
						missing.add(new StoredSuggestion(appeal.id(), suggestion, this.clock.instant()));
					}
					result.put(appeal, suggestion);
				}
				return Flux.fromIterable(missing).concatMap(s -> this.store.save(s)).then(Mono.just(result));
			});
	}

	/**
	 * The suggestion stored for an appeal at intake, or one computed now if intake has not stored it yet
	 * (not stored here: intake stores it), so that other features need not run the model again.
	 */
	public Mono<RoutingSuggestion> suggestionOf(Appeal appeal) {
		return this.store.suggestion(appeal.id())
			.map(StoredSuggestion::suggestion)
			.switchIfEmpty(Mono.fromSupplier(() -> suggest(appeal.text())));
	}

	/**
	 * Computes and stores the suggestion of a new appeal, keeping one that is already there; where the
	 * region allows automatic delivery and the suggestion is sure enough, assigns it to the suggested agency
	 * through the appeal module's own command (the history names the actor «автоматически»).
	 */
	public Mono<Void> suggestAtIntake(Appeal appeal) {
		return this.store.suggestion(appeal.id())
			.switchIfEmpty(Mono.defer(() -> this.store
				.save(new StoredSuggestion(appeal.id(), suggest(appeal.text()), this.clock.instant()))))
			.flatMap(stored -> autoAssign(appeal, stored.suggestion()))
			.then();
	}

	private Mono<Void> autoAssign(Appeal appeal, RoutingSuggestion suggestion) {
		if (!this.properties.autoAssign().allows(suggestion) || appeal.status() != AppealStatus.NEW
				|| appeal.agencyId() != null) {
			return Mono.empty();
		}
		return this.agencies.byCode(suggestion.agencyCode())
			.filter(agency -> agency.active())
			.flatMap(agency -> this.appeals.assign(AUTOMATIC, new AssignAppealInput(appeal.id(), agency.id(), null, null, null, null)))
			.doOnNext(payload -> {
				if (!payload.errors().isEmpty()) {
					// A curator got there first, or the appeal changed: nothing to do.
					log.debug("Automatic delivery of {} skipped: {}", appeal.id(), payload.errors());
				}
			})
			.then();
	}

	/**
	 * Keeps the router's own assignments, for the share of appeals delivered automatically and the share of
	 * those later redirected (the real precision); a curator's assignment is not one.
	 */
	public Mono<Void> recordAutomatic(AppealEvent event) {
		LastEvent.Actor actor = event.meta().actor();
		if (actor == null || !AUTOMATIC.id().equals(actor.id()) || !AUTOMATIC.name().equals(actor.name())) {
			return Mono.empty();
		}
		return this.store.saveAutomatic(new RoutingStore.StoredAutomaticDelivery(event.appeal().id(),
				event.appeal().receivedAt(), event.at(), null));
	}

	/** A redirect of an automatically delivered appeal: the router's choice was wrong. */
	public Mono<Void> recordRedirect(AppealEvent event) {
		return this.store.markRedirected(event.appeal().id(), event.at());
	}

	/**
	 * Automatic delivery in a statistics period: of the {@code received} appeals, how many the router delivered
	 * itself and how many of those were redirected since. The caller already may read the region's figures.
	 */
	public Mono<AutomaticRoutingStats> automaticStats(Instant from, Instant to, int received) {
		return this.store.automaticCounts(from, to)
			.map(c -> new AutomaticRoutingStats((int) c.delivered(), (int) c.redirected(),
					(received > 0) ? (double) c.delivered() / received : null,
					(c.delivered() > 0) ? (double) c.redirected() / c.delivered() : null));
	}

	/**
	 * Keeps a curator's assignment or redirect as a labelled example: the category is the one the chosen
	 * agency answers for (the sender's or the suggested one when the agency answers for several). Changes
	 * made by the system (automatic routing) are not corrections.
	 */
	public Mono<Void> recordDecision(AppealEvent event, String toAgencyId) {
		return recordDecision(event, toAgencyId, null);
	}

	/**
	 * Keeps a curator's decision as a labelled example; {@code chosen}, the category the curator set with it
	 * (accepting or correcting the suggestion), is the label whatever the agency answers for.
	 */
	public Mono<Void> recordDecision(AppealEvent event, String toAgencyId, @Nullable Category chosen) {
		if (!byCurator(event)) {
			return Mono.empty();
		}
		Appeal appeal = event.appeal();
		return this.agencies.byId(toAgencyId)
			.zipWith(suggestedCategory(appeal))
			.flatMap(t -> {
				Category suggested = t.getT2().orElse(null);
				Category label = (chosen != null) ? chosen : label(t.getT1(), appeal.category(), suggested);
				if (label == null) {
					return Mono.empty();
				}
				return this.store.save(example(event, label, suggested));
			})
			.then();
	}

	/**
	 * Keeps a curator's reclassification as the appeal's labelled example, in place of what earlier decisions
	 * on the same appeal said: the latest curator's word on its category is the label. A correction of place
	 * or urgency alone confirms the category the appeal has, unless that is still OTHER (nobody judged it).
	 */
	public Mono<Void> recordCorrection(AppealEvent.AppealReclassified event) {
		Appeal appeal = event.appeal();
		Category label = (event.classification() != null && event.classification().toCategory() != null)
				? event.classification().toCategory() : appeal.category();
		if (!byCurator(event) || label == Category.OTHER && (event.classification() == null
				|| event.classification().toCategory() == null)) {
			return Mono.empty();
		}
		return suggestedCategory(appeal)
			.flatMap(suggested -> this.store.replaceExamples(example(event, label, suggested.orElse(null))))
			.then();
	}

	/** Whether a person at the ЦУР made the change: the system's (automatic routing) are not corrections. */
	private static boolean byCurator(AppealEvent event) {
		LastEvent.Actor actor = event.meta().actor();
		return actor != null && actor.roles().contains(Role.CURATOR) && !Caller.SYSTEM.id().equals(actor.id());
	}

	private Mono<java.util.Optional<Category>> suggestedCategory(Appeal appeal) {
		return this.store.suggestion(appeal.id())
			.map(s -> java.util.Optional.of(s.suggestion().category()))
			.defaultIfEmpty(java.util.Optional.empty());
	}

	private static StoredExample example(AppealEvent event, Category label, @Nullable Category suggested) {
		return new StoredExample(event.id(), event.appeal().id(), event.appeal().text(), label, suggested,
				event.meta().actor().id(), event.at());
	}

	static @Nullable Category label(Agency agency, Category sent, @Nullable Category suggested) {
		if (sent != Category.OTHER && agency.answersFor(sent)) {
			return sent;
		}
		if (suggested != null && agency.answersFor(suggested)) {
			return suggested;
		}
		return (agency.categories().size() == 1) ? agency.categories().get(0) : null;
	}

	/** The model in use. */
	public Mono<RoutingModel> model(Caller caller) {
		caller.requireAny(Role.CURATOR, Role.HEAD);
		return Mono.just(this.router.get().model());
	}

	/** Retrains the model on the shipped data and every correction so far, and reloads the agency rules. */
	public Mono<RetrainRoutingPayload> retrain(Caller caller, @Nullable RetrainRoutingInput input) {
		caller.requireAny(Role.CURATOR);
		return rebuild().map(model -> new RetrainRoutingPayload(model, List.of()))
			.onErrorResume(IllegalArgumentException.class, ex -> Mono.just(new RetrainRoutingPayload(null,
					List.of(new UserError(UserErrorCode.INVALID, List.of(),
							"Правила выбора ведомства содержат ошибку: " + ex.getMessage())))));
	}

	/** The agency rules in use, as text in the documented format. Curators. */
	public Mono<String> agencyRules(Caller caller) {
		caller.requireAny(Role.CURATOR);
		return this.store.rules(AgencyRules.shippedText(), this.clock.instant()).map(StoredRules::text);
	}

	/** Replaces the agency rules after checking every line; suggestions made from now on use them. */
	public Mono<UpdateRoutingAgencyRulesPayload> updateAgencyRules(Caller caller, UpdateRoutingAgencyRulesInput input) {
		caller.requireAny(Role.CURATOR);
		if (input.text() == null || input.text().isBlank()) {
			return Mono.just(new UpdateRoutingAgencyRulesPayload(null,
					List.of(UserError.required("text", "Укажите правила выбора ведомства"))));
		}
		AgencyRules rules;
		try {
			rules = AgencyRules.parse(input.text());
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(new UpdateRoutingAgencyRulesPayload(null, List.of(UserError.of(UserErrorCode.INVALID, "text",
					"Правило не разобрано: " + ex.getMessage()))));
		}
		return this.store.save(new StoredRules("current", input.text(), this.clock.instant()))
			.doOnNext(saved -> {
				this.rulesText = saved.text();
				this.router.updateAndGet(r -> new Router(r.classifier(), r.gazetteer(), rules, r.model()));
			})
			.map(saved -> new UpdateRoutingAgencyRulesPayload(saved.text(), List.of()));
	}

	private Mono<RoutingModel> rebuild() {
		Instant now = this.clock.instant();
		return Mono.zip(this.store.rules(AgencyRules.shippedText(), now),
				this.store.examples()
					.map(e -> new CategoryClassifier.Example(e.text(), e.category(), Training.CURATOR_WEIGHT))
					.collectList(),
				this.store.latestModel().map(StoredModel::version).defaultIfEmpty(0))
			// Training is CPU work of a second at most: off the event loop.
			.publishOn(Schedulers.boundedElastic())
			.map(t -> {
				Router trained = Training.train(t.getT2(), AgencyRules.parse(t.getT1().text()), t.getT3() + 1, now);
				this.rulesText = t.getT1().text();
				return trained;
			})
			.flatMap(trained -> {
				RoutingModel m = trained.model();
				return this.store
					.save(new StoredModel(m.version(), m.trainedAt(), m.examples(), m.curatorExamples(), m.accuracy(),
							m.heldOut()))
					.thenReturn(trained);
			})
			// Two trainings may overlap (the one at start and a curator's): the one begun later wins.
			.doOnNext(trained -> this.router.accumulateAndGet(trained, RoutingService::newer))
			.map(Router::model);
	}

	/**
	 * Picks up a model another instance trained, or agency rules another instance saved: when the latest
	 * stored model's version is newer than the one in use, this instance retrains on the same stored data
	 * under that version (training is deterministic and takes about a second, so the model itself is not
	 * stored). Called periodically ({@code otklik.routing.reload-interval}).
	 */
	public Mono<Boolean> reloadIfChanged() {
		RoutingModel inUse = this.router.get().model();
		return Mono.zip(this.store.latestModel().map(m -> java.util.Optional.of(m)).defaultIfEmpty(java.util.Optional.empty()),
				this.store.currentRules().map(r -> java.util.Optional.of(r)).defaultIfEmpty(java.util.Optional.empty()))
			.flatMap(t -> {
				StoredModel latest = t.getT1().orElse(null);
				StoredRules rules = t.getT2().orElse(null);
				if (latest != null && latest.version() > inUse.version()) {
					return this.store.examples()
						.map(e -> new CategoryClassifier.Example(e.text(), e.category(), Training.CURATOR_WEIGHT))
						.collectList()
						.publishOn(Schedulers.boundedElastic())
						.map(examples -> Training.train(examples,
								AgencyRules.parse((rules != null) ? rules.text() : AgencyRules.shippedText()),
								latest.version(), latest.trainedAt()))
						.doOnNext(trained -> this.router.accumulateAndGet(trained, RoutingService::newer))
						.thenReturn(true);
				}
				if (rules != null && !rules.text().equals(this.rulesText)) {
					AgencyRules parsed = AgencyRules.parse(rules.text());
					this.rulesText = rules.text();
					this.router.updateAndGet(r -> new Router(r.classifier(), r.gazetteer(), parsed, r.model()));
					return Mono.just(true);
				}
				return Mono.just(false);
			});
	}

	private static Router newer(Router current, Router candidate) {
		RoutingModel a = current.model();
		RoutingModel b = candidate.model();
		boolean later = b.version() > a.version()
				|| (b.version() == a.version() && !b.trainedAt().isBefore(a.trainedAt()));
		return later ? candidate : current;
	}

	/** The suggested agencies of a page of suggestions, from one cached list. */
	public Mono<Map<RoutingSuggestion, Agency>> agencies(Caller caller, List<RoutingSuggestion> suggestions) {
		return this.agencies.agencies(caller, true).collectMap(Agency::code).map(byCode -> {
			Map<RoutingSuggestion, Agency> result = new HashMap<>();
			for (RoutingSuggestion s : suggestions) {
				if (s.agencyCode() != null && byCode.containsKey(s.agencyCode())) {
					result.put(s, byCode.get(s.agencyCode()));
				}
			}
			return result;
		});
	}

}
