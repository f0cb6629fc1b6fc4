package org.otklik.sla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
		assertThat(files).extracting(Resource::getFilename).contains("schema.graphqls", "sla.graphqls");
		for (Resource file : files) {
			registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	private static List<String> values(GraphQLSchema schema, String enumName) {
		GraphQLEnumType type = (GraphQLEnumType) schema.getType(enumName);
		assertThat(type).as(enumName).isNotNull();
		return type.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
