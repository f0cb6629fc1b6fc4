package org.otklik.audit;

import org.bson.Document;
import org.otklik.storage.StartupIndexes;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

/** Indexes for searching the audit log by caller and by appeal, newest first. */
@Component
public class AuditIndexes implements InitializingBean {

	private final ReactiveMongoTemplate mongo;

	public AuditIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		StartupIndexes.create(this.mongo.indexOps(AuditEntry.class),
				new CompoundIndexDefinition(new Document("actorId", 1).append("_id", -1)).named("actor"),
				new CompoundIndexDefinition(new Document("appealId", 1).append("_id", -1)).named("appeal"),
				// One entry per appeal event, however often the event is delivered.
				new CompoundIndexDefinition(new Document("eventId", 1)).named("eventId").unique().sparse());
	}

}
