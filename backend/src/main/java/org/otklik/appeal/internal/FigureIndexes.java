package org.otklik.appeal.internal;

import org.bson.Document;
import org.otklik.appeal.Appeal;
import org.otklik.storage.StartupIndexes;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

/**
 * Indexes real MongoDB needs for the figures' first {@code $match} (see {@link AppealFiguresQuery}): each
 * branch of its {@code $or} must be indexed, or MongoDB scans the whole collection. The branches on
 * {@code receivedAt} and {@code status} use the appeal feature's {@code received_id}, {@code status_received}
 * and {@code queue} indexes; these add the rest. The embedded server accepts and ignores them.
 */
@Component
class FigureIndexes implements InitializingBean {

	private final ReactiveMongoTemplate mongo;

	FigureIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var ops = this.mongo.indexOps(Appeal.class);
		StartupIndexes.create(ops,
				// An agency's answers and first responses in a period.
				index("stats_agency_answered", new Document("agencyId", 1).append("answeredAt", 1)),
				index("stats_agency_responded", new Document("agencyId", 1).append("firstRespondedAt", 1)),
				// The region's answers and first responses in a period.
				index("stats_answered", new Document("answeredAt", 1)),
				index("stats_responded", new Document("firstRespondedAt", 1)),
				// Redirects, returns, approvals and rejections in a period (multikey over history entries).
				index("stats_history", new Document("history.type", 1).append("history.at", 1)),
				// Answers submitted in a period, for the coach's growth zones (multikey over answers).
				index("answers_submitted", new Document("answers.submittedAt", 1)),
				index("agency_answers_submitted", new Document("agencyId", 1).append("answers.submittedAt", 1)));
	}

	private static CompoundIndexDefinition index(String name, Document keys) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
		index.named(name);
		return index;
	}

}
