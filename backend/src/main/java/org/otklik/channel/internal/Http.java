package org.otklik.channel.internal;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The one way channel clients call their APIs: a timeout on every call, the body read as JSON whatever
 * the status, and network trouble classified as transient, so each client only decides what the
 * channel's own answers mean.
 */
final class Http {

	private final WebClient client;

	private final JsonMapper json;

	private final Duration timeout;

	Http(WebClient.Builder builder, JsonMapper json, Duration timeout) {
		this.client = builder.build();
		this.json = json;
		this.timeout = timeout;
	}

	WebClient client() {
		return this.client;
	}

	/** What a channel answered: status, Retry-After, and the body as JSON (an empty object if none). */
	record Answer(int status, @Nullable Duration retryAfter, JsonNode body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	Mono<Answer> exchange(WebClient.RequestHeadersSpec<?> request) {
		return request.exchangeToMono(this::answer)
			.timeout(this.timeout)
			.onErrorMap(TimeoutException.class, ex -> ChannelException.transientFailure("the channel did not answer in time"))
			.onErrorMap(WebClientRequestException.class,
					ex -> ChannelException.transientFailure("the channel cannot be reached: " + ex.getMostSpecificCause().getMessage()));
	}

	/** Long-poll requests wait longer than a call, by design. */
	Mono<Answer> exchange(WebClient.RequestHeadersSpec<?> request, Duration wait) {
		return request.exchangeToMono(this::answer)
			.timeout(wait.plus(this.timeout))
			.onErrorMap(TimeoutException.class, ex -> ChannelException.transientFailure("the channel did not answer in time"))
			.onErrorMap(WebClientRequestException.class,
					ex -> ChannelException.transientFailure("the channel cannot be reached: " + ex.getMostSpecificCause().getMessage()));
	}

	private Mono<Answer> answer(ClientResponse response) {
		Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
		return response.bodyToMono(String.class).defaultIfEmpty("{}").map(body -> {
			JsonNode node;
			try {
				node = this.json.readTree(body);
			}
			catch (RuntimeException ex) {
				node = this.json.createObjectNode();
			}
			return new Answer(response.statusCode().value(), retryAfter, node);
		});
	}

	private static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The usual meaning of an HTTP status from a channel that says nothing more specific. */
	static ChannelException byStatus(Answer answer, String what) {
		int status = answer.status();
		if (status == 429) {
			return ChannelException.rateLimited(what + ": too many requests", answer.retryAfter());
		}
		if (status == 401) {
			return ChannelException.permanent(what + ": the token was refused");
		}
		if (status >= 500) {
			return ChannelException.transientFailure(what + ": the channel failed (HTTP " + status + ")");
		}
		return ChannelException.rejected(what + ": refused (HTTP " + status + ")");
	}

}
