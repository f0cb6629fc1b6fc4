package org.otklik.stats;

import java.io.IOException;
import java.util.List;

import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.otklik.graphql.SchemaFiles;
import org.otklik.stats.AgencyRankingEntry.UnratedReason;

import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@code stats.graphqls} valid with the other schema files, fully described, and in step with the Java enums. */
class StatsSchemaTests {

	@Test
	void statsSchemaBuildsTogetherWithTheOtherSchemaFiles() throws IOException {
		GraphQLSchema schema = schema();
		assertThat(schema.getQueryType().getFieldDefinition("agencyStats")).isNotNull();
		assertThat(schema.getQueryType().getFieldDefinition("regionStats")).isNotNull();
		assertThat(schema.getQueryType().getFieldDefinition("agencyRanking")).isNotNull();
	}


	@Test
	void schemaEnumsMatchTheJavaEnums() throws IOException {
		GraphQLSchema schema = schema();
		assertThat(values(schema, "StatsPeriodKind")).isEqualTo(names(StatsPeriodKind.values()));
		assertThat(values(schema, "UnratedReason")).isEqualTo(names(UnratedReason.values()));
	}

	private static GraphQLSchema schema() throws IOException {
		assertThat(SchemaFiles.files()).extracting(Resource::getFilename).contains("schema.graphqls", "stats.graphqls");
		return SchemaFiles.schema();
	}

	private static List<String> values(GraphQLSchema schema, String enumName) {
		return SchemaFiles.values(schema, enumName);
	}

	private static List<String> names(Enum<?>[] values) {
		return SchemaFiles.names(values);
	}

}
