package org.otklik.agency;

import java.time.Duration;

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
		this.mongo.indexOps(Agency.class)
			.createIndex(new Index().on("code", Sort.Direction.ASC).unique().named("code"))
			// Startup only, never on a request path.
			.block(Duration.ofSeconds(60));
	}

}
