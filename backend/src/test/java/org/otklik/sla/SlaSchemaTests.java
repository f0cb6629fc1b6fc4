package org.otklik.sla;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.otklik.graphql.SchemaFiles;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@code sla.graphqls} valid with the other schema files, fully described, and in step with the Java enums. */
class SlaSchemaTests {

	@Test
	void slaSchemaBuildsTogetherWithTheOtherSchemaFiles() throws IOException {
		GraphQLSchema schema = schema();
		assertThat(schema.getQueryType().getFieldDefinition("slaForecast")).isNotNull();
		assertThat(schema.getQueryType().getFieldDefinition("calendarYear")).isNotNull();
		assertThat(schema.getType("AppealSla")).isNotNull();
	}


	@Test
	void schemaEnumsMatchTheJavaEnums() throws IOException {
		GraphQLSchema schema = schema();
		assertThat(values(schema, "SlaState")).isEqualTo(names(SlaState.values()));
		assertThat(values(schema, "SlaClockKind")).isEqualTo(names(SlaClockKind.values()));
		assertThat(values(schema, "SlaTimeUnit")).isEqualTo(names(SlaTimeUnit.values()));
		assertThat(values(schema, "SlaCalendarKind")).isEqualTo(names(SlaCalendarKind.values()));
		assertThat(values(schema, "ChannelGroup")).isEqualTo(names(ChannelGroup.values()));
		assertThat(values(schema, "CalendarDayType")).isEqualTo(names(CalendarDayType.values()));
	}

	@Test
	void channelGroupsAndPolicyCategoriesCoverTheApiEnumsExactly() throws IOException {
		GraphQLSchema schema = schema();
		assertThat(Arrays.stream(ChannelGroup.values()).flatMap((g) -> g.channels().stream()))
			.containsExactlyInAnyOrderElementsOf(values(schema, "Channel"));
		assertThat(SlaPolicy.CATEGORIES).containsExactlyInAnyOrderElementsOf(values(schema, "Category"));
	}

	private static GraphQLSchema schema() throws IOException {
		assertThat(SchemaFiles.files()).extracting(Resource::getFilename).contains("schema.graphqls", "sla.graphqls");
		return SchemaFiles.schema();
	}

	private static List<String> values(GraphQLSchema schema, String enumName) {
		return SchemaFiles.values(schema, enumName);
	}

	private static List<String> names(Enum<?>[] values) {
		return SchemaFiles.names(values);
	}

}
