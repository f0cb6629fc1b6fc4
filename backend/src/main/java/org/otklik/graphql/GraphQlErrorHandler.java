package org.otklik.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Classifies every exception that escapes a controller in one place: known failures get Spring's
 * {@link ErrorType} and our {@link ErrorDetail}; anything else becomes a bare internal error so no
 * stack trace or internal message ever reaches a client.
 */
@ControllerAdvice
public class GraphQlErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorHandler.class);

	@GraphQlExceptionHandler
	GraphQLError otklik(OtklikException ex, DataFetchingEnvironment env) {
		ErrorType type = switch (ex.detail()) {
			case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
			case FORBIDDEN -> ErrorType.FORBIDDEN;
			case INTERNAL -> ErrorType.INTERNAL_ERROR;
			default -> ErrorType.BAD_REQUEST;
		};
		return error(env, type, ex.detail(), ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError unauthenticated(AuthenticationException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.UNAUTHORIZED, ErrorDetail.UNAUTHENTICATED, "Требуется вход в систему");
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(AccessDeniedException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.FORBIDDEN, ErrorDetail.FORBIDDEN, "Недостаточно прав для этой операции");
	}

	/**
	 * A client that closes the page or the socket mid-request makes graphql-java stop the execution;
	 * nothing failed and nobody reads the answer, so it is not logged as an error.
	 */
	@GraphQlExceptionHandler
	GraphQLError cancelled(AbortExecutionException ex, DataFetchingEnvironment env) {
		log.debug("Execution of {} stopped: {}", env.getExecutionStepInfo().getPath(), ex.getMessage());
		return error(env, ErrorType.INTERNAL_ERROR, ErrorDetail.INTERNAL, "Запрос отменён");
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
		log.error("Unexpected failure in {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorType.INTERNAL_ERROR, ErrorDetail.INTERNAL, "Внутренняя ошибка");
	}

	static GraphQLError error(DataFetchingEnvironment env, ErrorType type, ErrorDetail detail, String message) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(type)
			.message(message)
			.extensions(Map.of("errorDetail", detail.name()))
			.build();
	}

}
