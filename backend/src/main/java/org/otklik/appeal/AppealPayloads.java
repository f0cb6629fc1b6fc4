package org.otklik.appeal;

import java.util.List;

import org.otklik.graphql.UserError;

/** Mutation payloads of the appeal feature. */
public final class AppealPayloads {

	private AppealPayloads() {
	}

	/** Result of {@code ingestAppeal}. */
	public record IngestAppealPayload(Appeal appeal, boolean duplicate, List<UserError> errors) {
	}

	/** Result of any change to an appeal. */
	public record AppealPayload(Appeal appeal, List<UserError> errors) {

		public static AppealPayload ok(Appeal appeal) {
			return new AppealPayload(appeal, List.of());
		}

		public static AppealPayload failed(Appeal appeal, UserError... errors) {
			return new AppealPayload(appeal, List.of(errors));
		}

		public static AppealPayload failed(Appeal appeal, List<UserError> errors) {
			return new AppealPayload(appeal, List.copyOf(errors));
		}

	}

}
