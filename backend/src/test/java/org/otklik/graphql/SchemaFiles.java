package org.otklik.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's schema files, loaded as the server loads them, for tests of the contract. */
public final class SchemaFiles {

	private SchemaFiles() {
	}

	public static Resource[] files() throws IOException {
		return new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
	}

	/** All files merged into one registry. */
	public static TypeDefinitionRegistry registry() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource file : files()) {
			registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		return registry;
	}

	/** The whole schema; building it proves the files fit together. */
	public static GraphQLSchema schema() throws IOException {
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry());
	}

	/** The values of an enum of the schema. */
	public static List<String> values(GraphQLSchema schema, String enumName) {
		GraphQLEnumType type = (GraphQLEnumType) schema.getType(enumName);
		assertThat(type).as(enumName).isNotNull();
		return type.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
	}

	public static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
