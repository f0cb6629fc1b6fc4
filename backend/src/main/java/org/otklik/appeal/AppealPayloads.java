package org.otklik.appeal;

import org.jspecify.annotations.Nullable;
import java.util.List;

import org.otklik.graphql.UserError;

/** Mutation payloads of the appeal feature. */
public final class AppealPayloads {

	private AppealPayloads() {
	}

	/** Result of {@code ingestAppeal}. */
	public record IngestAppealPayload(@Nullable Appeal appeal, boolean duplicate, List<UserError> errors) {
	}

	/**
	 * Result of a change to an appeal: behind every {@code <Verb>AppealPayload} type of the schema, which
	 * all implement the {@code AppealPayload} interface.
	 */
	public record AppealPayload(@Nullable Appeal appeal, List<UserError> errors) {

		public AppealPayload {
			errors = List.copyOf(errors);
		}

	}

	/** Result of {@code submitAnswer}: the answer it created, too. */
	public record SubmitAnswerPayload(@Nullable Appeal appeal, @Nullable Answer answer, List<UserError> errors) {

		public SubmitAnswerPayload {
			errors = List.copyOf(errors);
		}

	}

}
