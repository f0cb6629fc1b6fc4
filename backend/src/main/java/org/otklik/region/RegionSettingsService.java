package org.otklik.region;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.otklik.graphql.UserError;
import org.otklik.graphql.UserErrorCode;
import org.otklik.security.Caller;
import org.otklik.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads and stores the region's review settings: one document, the defaults while none is stored.
 * Curators read and change them through the API; the appeal feature reads them for every answer.
 */
@Service
public class RegionSettingsService {

	static final String COLLECTION = "regionSettings";

	/** The one region an installation serves. */
	static final String ID = "region";

	private final ReactiveMongoTemplate mongo;

	private final RegionSettingsProperties defaults;

	public RegionSettingsService(ReactiveMongoTemplate mongo, RegionSettingsProperties defaults) {
		this.mongo = mongo;
		this.defaults = defaults;
	}

	/** The settings in force, for the system's own use (no caller check). */
	public Mono<RegionSettings> current() {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(ID)), Document.class, COLLECTION)
			.map(this::fromDocument)
			.defaultIfEmpty(this.defaults.settings());
	}

	/** The settings in force; curators only. */
	public Mono<RegionSettings> settings(Caller caller) {
		caller.requireAny(Role.CURATOR);
		return current();
	}

	/** Input of {@code updateRegionSettings}: what is not given stays as it is. */
	public record UpdateRegionSettingsInput(Integer interimReviewBelowScore, Boolean reviewAllInterimAnswers) {
	}

	/** Result of {@code updateRegionSettings}. */
	public record UpdateRegionSettingsPayload(RegionSettings settings, List<UserError> errors) {
	}

	/** Changes the settings; curators only. */
	public Mono<UpdateRegionSettingsPayload> update(Caller caller, UpdateRegionSettingsInput input) {
		caller.requireAny(Role.CURATOR);
		List<UserError> errors = new ArrayList<>();
		Integer score = input.interimReviewBelowScore();
		if (score != null && (score < 0 || score > 101)) {
			errors.add(UserError.of(UserErrorCode.INVALID, "interimReviewBelowScore",
					"Порог — число от 0 до 101 (101 — проверять все промежуточные ответы)"));
		}
		if (!errors.isEmpty()) {
			return current().map(settings -> new UpdateRegionSettingsPayload(settings, errors));
		}
		return current().flatMap(was -> {
			RegionSettings next = new RegionSettings((score != null) ? score : was.interimReviewBelowScore(),
					(input.reviewAllInterimAnswers() != null) ? input.reviewAllInterimAnswers()
							: was.reviewAllInterimAnswers());
			Document document = new Document("_id", ID).append("interimReviewBelowScore", next.interimReviewBelowScore())
				.append("reviewAllInterimAnswers", next.reviewAllInterimAnswers())
				.append("updatedBy", caller.id());
			return this.mongo
				.findAndReplace(Query.query(Criteria.where("_id").is(ID)), document,
						FindAndReplaceOptions.options().upsert().returnNew(), Document.class, COLLECTION)
				.thenReturn(new UpdateRegionSettingsPayload(next, List.of()));
		});
	}

	/** Forgets the stored settings, so the defaults apply again (tests and a reset). */
	public Mono<Void> reset(Caller caller) {
		caller.requireAny(Role.CURATOR);
		return this.mongo.remove(Query.query(Criteria.where("_id").is(ID)), COLLECTION).then();
	}

	private RegionSettings fromDocument(Document document) {
		RegionSettings fallback = this.defaults.settings();
		Integer score = document.getInteger("interimReviewBelowScore");
		Boolean all = document.getBoolean("reviewAllInterimAnswers");
		return new RegionSettings((score != null) ? score : fallback.interimReviewBelowScore(),
				(all != null) ? all : fallback.reviewAllInterimAnswers());
	}

}
