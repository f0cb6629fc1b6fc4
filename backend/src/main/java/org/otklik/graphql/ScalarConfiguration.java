package org.otklik.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code DateTime} (an {@link Instant}) and {@code Date} scalars of the schema. */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(dateTime()).scalar(date());
	}

	static GraphQLScalarType dateTime() {
		return GraphQLScalarType.newScalar().name("DateTime").coercing(new Coercing<Instant, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Instant instant) {
					return instant.toString();
				}
				if (value instanceof OffsetDateTime odt) {
					return odt.toInstant().toString();
				}
				throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
			}

			@Override
			public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
				try {
					return parse(String.valueOf(input));
				}
				catch (DateTimeParseException ex) {
					throw new CoercingParseValueException("DateTime must be ISO-8601 with an offset, e.g. 2026-11-28T09:00:00+11:00");
				}
			}

			@Override
			public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (input instanceof StringValue string) {
					try {
						return parse(string.getValue());
					}
					catch (DateTimeParseException ex) {
						// fall through to the error below
					}
				}
				throw new CoercingParseLiteralException("DateTime must be ISO-8601 with an offset, e.g. 2026-11-28T09:00:00+11:00");
			}
		}).build();
	}

	static Instant parse(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

	static GraphQLScalarType date() {
		return GraphQLScalarType.newScalar().name("Date").coercing(new Coercing<LocalDate, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof LocalDate date) {
					return date.toString();
				}
				throw new CoercingSerializeException("Not a Date");
			}

			@Override
			public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
				try {
					return LocalDate.parse(String.valueOf(input));
				}
				catch (DateTimeParseException ex) {
					throw new CoercingParseValueException("Date must be ISO-8601, e.g. 2026-03-09");
				}
			}

			@Override
			public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (input instanceof StringValue string) {
					try {
						return LocalDate.parse(string.getValue());
					}
					catch (DateTimeParseException ex) {
						// fall through to the error below
					}
				}
				throw new CoercingParseLiteralException("Date must be ISO-8601, e.g. 2026-03-09");
			}
		}).build();
	}

}
