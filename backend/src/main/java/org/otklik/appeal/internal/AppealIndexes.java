package org.otklik.appeal.internal;

import org.bson.Document;
import org.otklik.appeal.Appeal;
import org.otklik.storage.StartupIndexes;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.stereotype.Component;

/**
 * Declares the indexes real MongoDB needs. The embedded server builds only the unique ones (it scans
 * for the rest), but the unique (channel, externalId) index is what makes ingest idempotent on both,
 * so creation completes before the application takes traffic.
 */
@Component
public class AppealIndexes implements InitializingBean {

	private final ReactiveMongoTemplate mongo;

	public AppealIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		var ops = this.mongo.indexOps(Appeal.class);
		StartupIndexes.create(ops,
				// Idempotent ingest: exactly one appeal per source post.
				compound("channel_externalId", new Document("channel", 1).append("externalId", 1), true),
				// An agency's queue by status, newest first.
				compound("queue", new Document("agencyId", 1).append("status", 1).append("receivedAt", -1), false),
				// The region's moderation and review queues.
				compound("status_received", new Document("status", 1).append("receivedAt", -1), false),
				// Keyset pagination of the whole list.
				compound("received_id", new Document("receivedAt", -1).append("_id", -1), false),
				// What an integrator sent.
				compound("ingestedBy_received", new Document("ingestedBy", 1).append("receivedAt", -1), false),
				// The SLA alert check: a range scan over the appeals whose next threshold has come.
				compound("sla_nextAlertAt", new Document("sla.nextAlertAt", 1), false),
				// Queues ordered by the nearest deadline.
				compound("sla_nextDueAt", new Document("sla.nextDueAt", 1).append("_id", 1), false),
				// A further message in a channel thread finds its open appeal.
				compound("source_thread", new Document("source.threadKey", 1).append("channel", 1).append("status", 1), false),
				// Search by number (exact; the suffix searches scan, which the number's shape keeps cheap).
				compound("number", new Document("number", 1), false),
				// The region desk's SLA filter: open appeals past (or near) a due time, per clock.
				compound("status_firstResponseDue", new Document("status", 1).append("sla.firstResponseDueAt", 1), false),
				compound("status_finalAnswerDue", new Document("status", 1).append("sla.finalAnswerDueAt", 1), false),
				// Appeals announced at risk (multikey over the announced thresholds).
				compound("sla_announced", new Document("sla.announced", 1), false),
				// Search by author for those who may see personal data (a case-insensitive part of the name: the
				// index narrows nothing by itself, but lets MongoDB scan names instead of documents).
				compound("author_name", new Document("author.name", 1), false),
				// Word-form search over stems (multikey).
				new Index().on("searchTerms", Sort.Direction.ASC).named("searchTerms"));
	}

	private static IndexDefinition compound(String name, Document keys, boolean unique) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
		index.named(name);
		if (unique) {
			index.unique();
		}
		return index;
	}

}
