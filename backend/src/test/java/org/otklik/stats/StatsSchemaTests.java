package org.otklik.stats;

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
import graphql.language.InputObjectTypeDefinition;
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
import org.otklik.stats.AgencyRankingEntry.UnratedReason;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
		assertThat(files).extracting(Resource::getFilename).contains("schema.graphqls", "stats.graphqls");
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
