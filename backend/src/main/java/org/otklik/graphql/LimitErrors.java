package org.otklik.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.ErrorType;

/**
 * Builds the top-level errors of rejected requests, classified like every other error: Spring's
 * {@code classification} plus our {@code errorDetail}, and never a stack trace.
 */
final class LimitErrors {

	/** Must match {@code ErrorDetail.QUERY_TOO_COMPLEX}. */
	static final String QUERY_TOO_COMPLEX = ErrorDetail.QUERY_TOO_COMPLEX.name();

	/** Must match {@code ErrorDetail.RATE_LIMITED}. */
	static final String RATE_LIMITED = ErrorDetail.RATE_LIMITED.name();

	/** Must match {@code ErrorDetail.UNAUTHENTICATED}. */
	static final String UNAUTHENTICATED = ErrorDetail.UNAUTHENTICATED.name();

	private LimitErrors() {
	}

	static GraphQLError tooComplex(String message, String limit, int maximum, int actual) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("errorDetail", QUERY_TOO_COMPLEX);
		extensions.put("limit", limit);
		extensions.put("maximum", maximum);
		extensions.put("actual", actual);
		return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).extensions(extensions).build();
	}

	static GraphQLError rateLimited(long retryAfterSeconds) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message("Слишком много запросов; повторите через " + retryAfterSeconds + " с")
			.extensions(Map.of("errorDetail", RATE_LIMITED, "retryAfterSeconds", retryAfterSeconds))
			.build();
	}

	static GraphQLError unauthenticated(String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.UNAUTHORIZED)
			.message(message)
			.extensions(Map.of("errorDetail", UNAUTHENTICATED))
			.build();
	}

	static ExecutionResult result(GraphQLError error) {
		return ExecutionResult.newExecutionResult().errors(List.of(error)).build();
	}

}
