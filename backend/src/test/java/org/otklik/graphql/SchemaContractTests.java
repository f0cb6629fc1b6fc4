package org.otklik.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL contract's house rules, checked over every schema file: everything is described, enum
 * values are SCREAMING_SNAKE, and every mutation takes one {@code input} and returns a payload with
 * {@code errors: [UserError!]!}.
 */
class SchemaContractTests {

	static Stream<Resource> schemaFiles() throws IOException {
		return Stream.of(SchemaFiles.files());
	}

	static Document parse(Resource file) throws IOException {
		return Parser.parse(file.getContentAsString(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemaFiles")
	void everyTypeFieldArgumentInputFieldAndEnumValueIsDescribed(Resource file) throws IOException {
		List<String> undescribed = new ArrayList<>();
		for (Definition<?> definition : parse(file).getDefinitions()) {
			if (definition instanceof ObjectTypeDefinition type) {
				if (!(type instanceof ObjectTypeExtensionDefinition) && type.getDescription() == null) {
					undescribed.add(type.getName());
				}
				for (FieldDefinition field : type.getFieldDefinitions()) {
					if (field.getDescription() == null) {
						undescribed.add(type.getName() + "." + field.getName());
					}
					for (InputValueDefinition argument : field.getInputValueDefinitions()) {
						if (argument.getDescription() == null) {
							undescribed.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
						}
					}
				}
			}
			else if (definition instanceof InputObjectTypeDefinition type) {
				// An extension adds to a type described where it is declared, as for object types.
				if (!(type instanceof graphql.language.InputObjectTypeExtensionDefinition) && type.getDescription() == null) {
					undescribed.add(type.getName());
				}
				type.getInputValueDefinitions().stream().filter(f -> f.getDescription() == null)
					.forEach(f -> undescribed.add(type.getName() + "." + f.getName()));
			}
			else if (definition instanceof EnumTypeDefinition type) {
				if (!(type instanceof graphql.language.EnumTypeExtensionDefinition) && type.getDescription() == null) {
					undescribed.add(type.getName());
				}
				type.getEnumValueDefinitions().stream().filter(v -> v.getDescription() == null)
					.forEach(v -> undescribed.add(type.getName() + "." + v.getName()));
			}
		}
		assertThat(undescribed).as("schema elements without a description in " + file.getFilename()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemaFiles")
	void enumValuesAreScreamingSnakeCase(Resource file) throws IOException {
		for (Definition<?> definition : parse(file).getDefinitions()) {
			if (definition instanceof EnumTypeDefinition type) {
				for (EnumValueDefinition value : type.getEnumValueDefinitions()) {
					assertThat(value.getName()).as(type.getName()).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemaFiles")
	void mutationsTakeOneInputAndReturnAPayloadWithErrors(Resource file) throws IOException {
		List<Document> all = new ArrayList<>();
		for (Resource each : schemaFiles().toList()) {
			all.add(parse(each));
		}
		for (Definition<?> definition : parse(file).getDefinitions()) {
			if (definition instanceof ObjectTypeDefinition type && type.getName().equals("Mutation")) {
				for (FieldDefinition field : type.getFieldDefinitions()) {
					assertThat(field.getInputValueDefinitions()).as(field.getName() + " arguments")
						.extracting(InputValueDefinition::getName).containsExactly("input");
					String capitalised = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
					assertThat(name(field.getInputValueDefinitions().get(0).getType())).as(field.getName() + " input type")
						.isEqualTo(capitalised + "Input");
					assertThat(name(field.getType())).as(field.getName() + " payload type").isEqualTo(capitalised + "Payload");
					var described = field.getInputValueDefinitions().get(0).getDescription();
					assertThat(described).as(field.getName() + " input is described").isNotNull();
					assertThat(described.getContent()).as(field.getName() + " input description says what it carries")
						.isNotEqualTo("What to change.").hasSizeGreaterThan(12);
					String payload = name(field.getType());
					ObjectTypeDefinition payloadType = all.stream()
						.flatMap(d -> d.getDefinitionsOfType(ObjectTypeDefinition.class).stream())
						.filter(t -> t.getName().equals(payload))
						.findFirst()
						.orElseThrow();
					assertThat(payloadType.getFieldDefinitions()).as(payload + " has errors: [UserError!]!")
						.anySatisfy(f -> {
							assertThat(f.getName()).isEqualTo("errors");
							assertThat(f.getType()).isInstanceOf(NonNullType.class);
							Type<?> list = ((NonNullType) f.getType()).getType();
							assertThat(list).isInstanceOf(ListType.class);
							assertThat(((ListType) list).getType()).isInstanceOf(NonNullType.class);
							assertThat(name(((ListType) list).getType())).isEqualTo("UserError");
						});
				}
			}
		}
	}

	@org.junit.jupiter.api.Test
	void errorDetailIsPublishedAsASchemaEnum() throws IOException {
		assertThat(SchemaFiles.values(SchemaFiles.schema(), "ErrorDetail"))
			.containsExactlyInAnyOrderElementsOf(SchemaFiles.names(ErrorDetail.values()));
		assertThat(SchemaFiles.values(SchemaFiles.schema(), "UserErrorCode"))
			.containsExactlyInAnyOrderElementsOf(SchemaFiles.names(UserErrorCode.values()));
	}

	static String name(Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			return name(nonNull.getType());
		}
		if (type instanceof ListType list) {
			return name(list.getType());
		}
		return ((TypeName) type).getName();
	}

}
