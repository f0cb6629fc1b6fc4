package org.otklik.agency;

import org.otklik.storage.StartupIndexes;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Agency codes are unique: tokens name agencies by code. */
@Component
public class AgencyIndexes implements InitializingBean {

	private final ReactiveMongoTemplate mongo;

	public AgencyIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void afterPropertiesSet() {
		StartupIndexes.create(this.mongo.indexOps(Agency.class), new Index().on("code", Sort.Direction.ASC).unique().named("code"));
	}

}
