package org.otklik.routing;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** A curator's reclassification after assignment teaches the router as an assignment does. */
class RoutingReclassifyIntegrationTests extends IntegrationTestSupport {

	static final String SUGGEST = "query($text: String!) { suggestRouting(text: $text) { category } }";

	static final String RETRAIN = """
			mutation { retrainRouting(input: {reason: "test"}) { model { version curatorExamples } errors { code } } }""";

	private String suggested(String text) {
		return curator().document(SUGGEST).variable("text", text).execute().path("suggestRouting.category")
			.entity(String.class).get();
	}

	private long examplesOf(String appealId) {
		return this.mongo.count(Query.query(Criteria.where("appealId").is(appealId)), "routingExamples")
			.block(Duration.ofSeconds(5));
	}

	@Test
	void aReclassificationReplacesTheAppealsExampleAndChangesTheNextSuggestionAfterRetraining() {
		String text = "Кракозябла у Шпундиков опять брыкнулась, хрюндель не фурычит";
		String before = suggested(text);
		String target = before.equals("ROADS_TRANSPORT") ? "ENVIRONMENT" : "ROADS_TRANSPORT";
		String id = ingest(text);
		await(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(id)), "routingSuggestions")
			.block(Duration.ofSeconds(5)), "the suggestion stored at intake");
		curator().document("mutation($input: AssignAppealInput!) { assignAppeal(input: $input) { errors { code } } }")
			.variable("input", Map.of("appealId", id, "agencyId", agency(TENKA).id(), "category", before))
			.execute().path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		await(() -> examplesOf(id) == 1, "the assignment stored as an example");

		curator().document("mutation($input: ReclassifyAppealInput!) { reclassifyAppeal(input: $input) { errors { code } } }")
			.variable("input", Map.of("appealId", id, "category", target))
			.execute().path("reclassifyAppeal.errors").entityList(Object.class).hasSize(0);
		await(() -> this.mongo.exists(Query.query(Criteria.where("appealId").is(id).and("category").is(target)),
				"routingExamples").block(Duration.ofSeconds(5)), "the correction stored as the example's label");
		// The latest word on the appeal is its only label: two examples of one text would contradict each other.
		assertThat(examplesOf(id)).isEqualTo(1);

		curator().document(RETRAIN).execute().path("retrainRouting.errors").entityList(Object.class).hasSize(0);
		assertThat(suggested(text)).isEqualTo(target);
	}

	@Test
	void aCorrectionOfUrgencyAloneKeepsTheCategoryAsTheLabel() {
		String text = "Шмыгалка в подъезде опять забурлила, тыдыщ полный " + uniqueId();
		String id = ingest(text, Map.of("category", "HOUSING_UTILITIES"));
		curator().document("mutation($input: AssignAppealInput!) { assignAppeal(input: $input) { errors { code } } }")
			.variable("input", Map.of("appealId", id, "agencyId", agency(TENKA).id()))
			.execute().path("assignAppeal.errors").entityList(Object.class).hasSize(0);
		int version = curator()
			.document("mutation($input: ReclassifyAppealInput!) { reclassifyAppeal(input: $input) { appeal { version } errors { code } } }")
			.variable("input", Map.of("appealId", id, "urgent", true))
			.execute().path("reclassifyAppeal.errors").entityList(Object.class).hasSize(0)
			.path("reclassifyAppeal.appeal.version").entity(Integer.class).get();
		// An example's id is its event's: the appeal's id and the version the change produced.
		await(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(id + ":" + version)
			.and("category").is("HOUSING_UTILITIES")), "routingExamples").block(Duration.ofSeconds(5)),
				"the reclassification's example");
		assertThat(examplesOf(id)).isEqualTo(1);
	}

}
