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

/**
 * The {@code DateTime} (an {@link Instant}) and {@code Date} scalars of the schema. Both accept only years
 * {@value #MIN_YEAR}–{@value #MAX_YEAR}: Java's time types reach far wider (a year of +999999999 parses), and
 * such a value would only fail later, deep in date arithmetic or in the database driver, as an internal error.
 */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

	/** Earliest year a date may fall in. */
	public static final int MIN_YEAR = 1900;

	/** Latest year a date may fall in. */
	public static final int MAX_YEAR = 2200;

	private static final String DATE_TIME_FORMAT = "DateTime: нужна дата и время ISO-8601 со смещением, например "
			+ "2026-11-28T09:00:00+11:00, в годах " + MIN_YEAR + "–" + MAX_YEAR;

	private static final String DATE_FORMAT = "Date: нужна дата ISO-8601, например 2026-03-09, в годах " + MIN_YEAR
			+ "–" + MAX_YEAR;

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
				Instant instant = (input instanceof String text) ? parseOrNull(text) : null;
				if (instant == null) {
					throw new CoercingParseValueException(DATE_TIME_FORMAT);
				}
				return instant;
			}

			@Override
			public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				Instant instant = (input instanceof StringValue string) ? parseOrNull(string.getValue()) : null;
				if (instant == null) {
					throw new CoercingParseLiteralException(DATE_TIME_FORMAT);
				}
				return instant;
			}
		}).build();
	}

	/** The instant, or null when the text is not an ISO-8601 date-time with an offset in the accepted years. */
	static Instant parseOrNull(String text) {
		try {
			OffsetDateTime time = OffsetDateTime.parse(text);
			return inRange(time.getYear()) ? time.toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The date, or null when the text is not an ISO-8601 date in the accepted years. */
	static LocalDate parseDateOrNull(String text) {
		try {
			LocalDate date = LocalDate.parse(text);
			return inRange(date.getYear()) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Whether a year lies in the range the scalars accept. */
	public static boolean inRange(long year) {
		return year >= MIN_YEAR && year <= MAX_YEAR;
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
				LocalDate date = (input instanceof String text) ? parseDateOrNull(text) : null;
				if (date == null) {
					throw new CoercingParseValueException(DATE_FORMAT);
				}
				return date;
			}

			@Override
			public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				LocalDate date = (input instanceof StringValue string) ? parseDateOrNull(string.getValue()) : null;
				if (date == null) {
					throw new CoercingParseLiteralException(DATE_FORMAT);
				}
				return date;
			}
		}).build();
	}

}
