package org.otklik.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

/**
 * GraphQL over HTTP with answers for malformed requests: a body larger than the codecs buffer
 * ({@code spring.http.codecs.max-in-memory-size}, 256 KB by default) gets {@code 413}, an empty or {@code null}
 * body and a body that is not one JSON request object get {@code 400}, each with a small JSON error body.
 * Spring's handler answers the first with a 500 (and an ERROR in the log) and the second with an empty 200.
 * Results are written by {@link ResultJson} where it can.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlHttpConfiguration {

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler,
			@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxBody) {
		return new GuardedGraphQlHttpHandler(handler, maxBody.toBytes());
	}

	static final class GuardedGraphQlHttpHandler extends GraphQlHttpHandler {

		private final long maxBody;

		GuardedGraphQlHttpHandler(WebGraphQlHandler handler, long maxBody) {
			super(handler);
			this.maxBody = maxBody;
		}

		@Override
		public Mono<ServerResponse> handleRequest(ServerRequest request) {
			if (request.headers().contentLength().orElse(0) > this.maxBody) {
				return tooLarge();
			}
			return super.handleRequest(request)
				.switchIfEmpty(Mono.defer(() -> malformed("Пустой запрос: нужен JSON-объект с полем query")))
				.onErrorResume(GuardedGraphQlHttpHandler::bodyTooLarge, ex -> tooLarge())
				.onErrorResume(ServerWebInputException.class,
						ex -> malformed("Тело запроса должно быть одним JSON-объектом с полем query в UTF-8"));
		}

		/**
		 * The result as JSON bytes ({@link ResultJson}), or, when it holds a value of another kind, the map
		 * for Spring's Jackson encoder as before.
		 */
		@Override
		protected Object encodeResponseIfNecessary(WebGraphQlResponse response) {
			Map<String, Object> result = response.toMap();
			byte[] json = ResultJson.write(result);
			return (json != null) ? DefaultDataBufferFactory.sharedInstance.wrap(json) : result;
		}

		private Mono<ServerResponse> tooLarge() {
			return reject(HttpStatus.CONTENT_TOO_LARGE, ErrorDetail.REQUEST_TOO_LARGE,
					"Тело запроса больше допустимых " + (this.maxBody / 1024) + " КБ");
		}

		private static Mono<ServerResponse> malformed(String message) {
			return reject(HttpStatus.BAD_REQUEST, ErrorDetail.MALFORMED_REQUEST, message);
		}

		private static boolean bodyTooLarge(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof DataBufferLimitException) {
					return true;
				}
			}
			return false;
		}

		private static Mono<ServerResponse> reject(HttpStatus status, ErrorDetail detail, String message) {
			Map<String, Object> body = ExecutionResult.newExecutionResult()
				.addError(GraphqlErrorBuilder.newError()
					.errorType(ErrorType.BAD_REQUEST)
					.message(message)
					.extensions(Map.of("errorDetail", detail.name()))
					.build())
				.build()
				.toSpecification();
			return ServerResponse.status(status)
				.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
				.bodyValue(body);
		}

	}

}
