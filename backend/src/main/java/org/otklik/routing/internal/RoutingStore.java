package org.otklik.routing.internal;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.routing.RoutingSuggestion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The routing feature's own collections: suggestions by appeal id, curators' labelled examples, the
 * history of trained models and the editable agency rules. Nothing here touches the appeal document.
 */
@Component
public class RoutingStore {

	static final String SUGGESTIONS = "routingSuggestions";

	static final String EXAMPLES = "routingExamples";

	static final String MODELS = "routingModels";

	static final String RULES = "routingAgencyRules";

	static final String AUTOMATIC = "routingAutomaticDeliveries";

	/** A suggestion computed for an appeal, keyed by the appeal's id. */
	public record StoredSuggestion(@Id String id, RoutingSuggestion suggestion, Instant computedAt) {
	}

	/** A curator's routing decision kept as a labelled example; the id is the event's, so replays do not repeat it. */
	public record StoredExample(@Id String id, String appealId, String text, Category category,
			@Nullable Category suggested, String actorId, Instant at) {
	}

	/** One trained model. */
	public record StoredModel(@Id int version, Instant trainedAt, int examples, int curatorExamples,
			@Nullable Double accuracy, int heldOut) {
	}

	/** The agency rules as the region edits them. */
	public record StoredRules(@Id String id, String text, Instant updatedAt) {
	}

	/**
	 * An appeal the router delivered on its own, keyed by the appeal's id: {@code receivedAt} places it in a
	 * statistics period as the appeal's receipt does; {@code redirectedAt} is the first redirect after it, the
	 * sign that the suggestion was wrong.
	 */
	public record StoredAutomaticDelivery(@Id String id, Instant receivedAt, Instant deliveredAt,
			@Nullable Instant redirectedAt) {
	}

	/** Automatic deliveries of appeals received in a period, and how many of them were redirected since. */
	public record AutomaticCounts(long delivered, long redirected) {
	}

	private final ReactiveMongoTemplate mongo;

	RoutingStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Flux<StoredSuggestion> suggestions(Collection<String> appealIds) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(appealIds)), StoredSuggestion.class, SUGGESTIONS);
	}

	public Mono<StoredSuggestion> suggestion(String appealId) {
		return this.mongo.findById(appealId, StoredSuggestion.class, SUGGESTIONS);
	}

	public Mono<StoredSuggestion> save(StoredSuggestion suggestion) {
		return this.mongo.save(suggestion, SUGGESTIONS);
	}

	public Mono<StoredExample> save(StoredExample example) {
		return this.mongo.save(example, EXAMPLES);
	}

	/**
	 * Keeps an example as the only one of its appeal: earlier ones are removed first. A crash between the two
	 * steps leaves the appeal without an example until the event is delivered again, never with two labels.
	 */
	public Mono<StoredExample> replaceExamples(StoredExample example) {
		return this.mongo
			.remove(Query.query(Criteria.where("appealId").is(example.appealId()).and("_id").ne(example.id())),
					StoredExample.class, EXAMPLES)
			.then(this.mongo.save(example, EXAMPLES));
	}

	public Flux<StoredExample> examples() {
		return this.mongo.find(new Query().with(Sort.by("at")), StoredExample.class, EXAMPLES);
	}

	public Mono<StoredModel> latestModel() {
		return this.mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), StoredModel.class,
				MODELS);
	}

	public Mono<StoredModel> save(StoredModel model) {
		return this.mongo.save(model, MODELS);
	}

	/** The stored rules, seeded from the shipped file the first time. */
	public Mono<StoredRules> rules(String shipped, Instant now) {
		return this.mongo.findById("current", StoredRules.class, RULES)
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(new StoredRules("current", shipped, now), RULES))
				.onErrorResume(org.springframework.dao.DuplicateKeyException.class,
						ex -> this.mongo.findById("current", StoredRules.class, RULES)));
	}

	public Mono<StoredRules> save(StoredRules rules) {
		return this.mongo.save(rules, RULES);
	}

	/** Keeps an automatic delivery; a replayed event keeps the first record. */
	public Mono<Void> saveAutomatic(StoredAutomaticDelivery delivery) {
		return this.mongo.insert(delivery, AUTOMATIC)
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class, ex -> Mono.empty())
			.then();
	}

	/** Marks an automatically delivered appeal as redirected (the first redirect counts); others are untouched. */
	public Mono<Void> markRedirected(String appealId, Instant at) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(appealId).and("redirectedAt").isNull()),
					new org.springframework.data.mongodb.core.query.Update().set("redirectedAt", at),
					StoredAutomaticDelivery.class, AUTOMATIC)
			.then();
	}

	/** Counts of automatic deliveries of appeals received in {@code [from, to)}. */
	public Mono<AutomaticCounts> automaticCounts(Instant from, Instant to) {
		Criteria received = Criteria.where("receivedAt").gte(from).lt(to);
		return Mono.zip(this.mongo.count(Query.query(received), AUTOMATIC),
				this.mongo.count(Query.query(Criteria.where("receivedAt").gte(from).lt(to).and("redirectedAt").ne(null)),
						AUTOMATIC))
			.map(t -> new AutomaticCounts(t.getT1(), t.getT2()));
	}

	/** The stored rules, if any, without seeding them. */
	public Mono<StoredRules> currentRules() {
		return this.mongo.findById("current", StoredRules.class, RULES);
	}

}
