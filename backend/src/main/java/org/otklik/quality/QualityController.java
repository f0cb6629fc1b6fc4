package org.otklik.quality;

import org.jspecify.annotations.Nullable;
import org.otklik.security.CallerResolver;

import java.util.Map;
import java.util.Optional;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * GraphQL entry point of the answer-quality coach. Thin: it fetches the appeal's text for context
 * when the appeal feature provides a lookup, and calls {@link QualityService}.
 */
@Controller
public class QualityController {

	private final QualityService qualityService;

	private final ObjectProvider<AppealTextLookup> appealTextLookup;

	private final CallerResolver callers;

	public QualityController(QualityService qualityService, ObjectProvider<AppealTextLookup> appealTextLookup,
			CallerResolver callers) {
		this.qualityService = qualityService;
		this.appealTextLookup = appealTextLookup;
		this.callers = callers;
	}

	@QueryMapping
	public Mono<QualityReport> checkAnswerQuality(@Argument String text, @Argument @Nullable String appealId) {
		int maxLength = this.qualityService.properties().maxTextLength();
		if (text.length() > maxLength) {
			// Checked before the appeal lookup so an oversized request costs nothing.
			return Mono.error(new AnswerTooLongException(text.length(), maxLength));
		}
		// Staff and integrators alike may check a text; a caller without any role may not.
		return this.callers.current()
			.flatMap(caller -> this.qualityService.hint(caller, text, appealText(appealId)));
	}

	private Mono<Optional<String>> appealText(String appealId) {
		AppealTextLookup lookup = this.appealTextLookup.getIfAvailable();
		if (appealId == null || lookup == null) {
			return Mono.just(Optional.empty());
		}
		return lookup.appealText(appealId).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	/**
	 * A too-long text is the caller's mistake: {@code BAD_REQUEST} with the {@code INVALID_ARGUMENT}
	 * detail code («an argument is out of range») and the limit. Kept next to the controller because
	 * the shared GraphQL error handling is not on this branch; it can move there after the merge.
	 */
	@GraphQlExceptionHandler
	public GraphQLError handleTooLong(AnswerTooLongException ex, DataFetchingEnvironment environment) {
		return GraphQLError.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(ex.getMessage())
			.path(environment.getExecutionStepInfo().getPath())
			.location(environment.getField().getSourceLocation())
			.extensions(Map.of("errorDetail", "INVALID_ARGUMENT", "maxLength", ex.maxLength()))
			.build();
	}

}
