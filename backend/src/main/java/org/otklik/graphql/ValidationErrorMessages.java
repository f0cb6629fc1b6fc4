package org.otklik.graphql;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Rewrites graphql-java's validation and variable-coercion messages, which quote its AST classes
 * ({@code IntValue{value=2147483648}}) and Java types ({@code 'Long'}), into Russian messages that name only
 * the argument, the variable and the schema type. The classification ({@code ValidationError}) and
 * locations stay; errors raised by our own code, already classified by {@link GraphQlErrorHandler}, pass
 * unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class ValidationErrorMessages implements WebGraphQlInterceptor {

	private static final Pattern ARGUMENT = Pattern.compile("^Validation error \\((\\w+)@\\[([^\\]]*)\\]\\) : argument '([^']*)' with value '.*'");

	private static final Pattern NOT_VALID = Pattern.compile("' is not a valid '([^']*)'(?: - (.*))?$", Pattern.DOTALL);

	private static final Pattern MISSING_FIELDS = Pattern.compile("' is missing required fields '\\[([^\\]]*)\\]'$");

	private static final Pattern VARIABLE = Pattern.compile("^Variable '([^']*)' has an invalid value: (.*)$", Pattern.DOTALL);

	private static final Pattern INT_RANGE = Pattern.compile("^Expected value to be in the integer range, but it was a '([^']*)'$");

	private static final Pattern CONVERTIBLE = Pattern.compile("^Expected a value that can be converted to type '([^']*)' but it was a '([^']*)'$");

	private static final Pattern ENUM_VALUE = Pattern.compile("^Literal value not in allowable values for enum '([^']*)'.*$", Pattern.DOTALL);

	private static final Pattern UNKNOWN_INPUT_FIELD = Pattern.compile(
			"^The variables input contains a field name '([^']*)' that is not defined for input object type '([^']*)'\\s*$");

	/** What graphql-java's messages may quote of its internals: AST nodes and Java types. */
	static final Pattern INTERNALS = Pattern.compile("\\b\\w*(Value|Field|Reference|Definition)\\{|\\b(java\\.|graphql\\.)"
			+ "|'(Long|Integer|BigInteger|BigDecimal|Double|Float|Short|Byte|LinkedHashMap|HashMap|ArrayList|List|Map)'");

	private static final Map<String, String> JSON_KINDS = Map.ofEntries(Map.entry("String", "строка"),
			Map.entry("Long", "целое число"), Map.entry("Integer", "целое число"), Map.entry("BigInteger", "целое число"),
			Map.entry("Short", "целое число"), Map.entry("Byte", "целое число"), Map.entry("Double", "дробное число"),
			Map.entry("Float", "дробное число"), Map.entry("BigDecimal", "дробное число"),
			Map.entry("Boolean", "логическое значение"), Map.entry("LinkedHashMap", "объект"),
			Map.entry("HashMap", "объект"), Map.entry("Map", "объект"), Map.entry("ArrayList", "список"),
			Map.entry("List", "список"));

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.isEmpty() || errors.stream().noneMatch(ValidationErrorMessages::needsRewrite)) {
				return response;
			}
			return response.transform(builder -> builder.errors(errors.stream().map(ValidationErrorMessages::rewrite).toList()));
		});
	}

	private static boolean needsRewrite(GraphQLError error) {
		return error.getErrorType() == graphql.ErrorType.ValidationError || INTERNALS.matcher(String.valueOf(error.getMessage())).find();
	}

	static GraphQLError rewrite(GraphQLError error) {
		if (!needsRewrite(error)) {
			return error;
		}
		String message = message(String.valueOf(error.getMessage()));
		if (message.equals(error.getMessage())) {
			return error;
		}
		return GraphqlErrorBuilder.newError()
			.message(message)
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(error.getExtensions())
			.build();
	}

	/** The public form of one graphql-java message: Russian where recognised, never quoting internals. */
	static String message(String original) {
		String message = translate(original);
		return INTERNALS.matcher(message).find() ? "Запрос не соответствует схеме API" : message;
	}

	private static String translate(String message) {
		Matcher argument = ARGUMENT.matcher(message);
		if (argument.find()) {
			String field = argument.group(2);
			String name = argument.group(3);
			String prefix = "Неверное значение аргумента «" + name + "»" + (field.isEmpty() ? "" : " поля " + field);
			Matcher notValid = NOT_VALID.matcher(message);
			if (notValid.find()) {
				String detail = detail(notValid.group(2));
				return prefix + ": ожидается " + notValid.group(1) + (detail.isEmpty() ? "" : "; " + detail);
			}
			Matcher missing = MISSING_FIELDS.matcher(message);
			if (missing.find()) {
				return prefix + ": не хватает обязательных полей " + missing.group(1);
			}
			return prefix;
		}
		Matcher variable = VARIABLE.matcher(message);
		if (variable.matches()) {
			String detail = detail(variable.group(2));
			return "Неверное значение переменной «" + variable.group(1) + "»" + (detail.isEmpty() ? "" : ": " + detail);
		}
		Matcher unknownField = UNKNOWN_INPUT_FIELD.matcher(message);
		if (unknownField.matches()) {
			return "В переменных есть поле «" + unknownField.group(1) + "», которого нет в типе " + unknownField.group(2);
		}
		return message;
	}

	/** The reason after graphql-java's " - ", in Russian; empty when it is unknown and may quote internals. */
	private static String detail(String detail) {
		if (detail == null || detail.isBlank()) {
			return "";
		}
		Matcher range = INT_RANGE.matcher(detail);
		if (range.matches()) {
			return "значение " + range.group(1) + " вне диапазона Int (от -2147483648 до 2147483647)";
		}
		Matcher convertible = CONVERTIBLE.matcher(detail);
		if (convertible.matches()) {
			return "ожидается " + convertible.group(1) + ", передано: "
					+ JSON_KINDS.getOrDefault(convertible.group(2), "значение другого типа");
		}
		Matcher enumValue = ENUM_VALUE.matcher(detail);
		if (enumValue.matches()) {
			return "такого значения нет в перечислении " + enumValue.group(1);
		}
		if (detail.startsWith("Expected an AST type of")) {
			return "";
		}
		return INTERNALS.matcher(detail).find() ? "" : detail;
	}

}
