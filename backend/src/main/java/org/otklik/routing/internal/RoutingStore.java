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

}
