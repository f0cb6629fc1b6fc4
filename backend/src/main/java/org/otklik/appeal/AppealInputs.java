package org.otklik.appeal;

import java.time.Instant;
import java.util.List;

import org.otklik.region.Category;
import org.otklik.region.Municipality;

/** GraphQL inputs of the appeal feature, bound by Spring for GraphQL; their names are the contract. */
public final class AppealInputs {

	private AppealInputs() {
	}

	/**
	 * Input of {@code ingestAppeal}; {@code settlement}, when given, must be a settlement of the gazetteer in
	 * {@code municipality}.
	 */
	public record IngestAppealInput(Channel channel, String externalId, String url, String text, String authorName,
			String authorProfileUrl, Instant postedAt, Municipality municipality, Category category, Boolean urgent,
			ReachInput reach, @org.jspecify.annotations.Nullable String settlement) {

		/** An input that names no settlement. */
		public IngestAppealInput(Channel channel, String externalId, String url, String text, String authorName,
				String authorProfileUrl, Instant postedAt, Municipality municipality, Category category, Boolean urgent,
				ReachInput reach) {
			this(channel, externalId, url, text, authorName, authorProfileUrl, postedAt, municipality, category, urgent,
					reach, null);
		}

	}

	/** Reach of the original post. */
	public record ReachInput(Integer views, Integer likes, Integer comments) {
	}

	/** Input of {@code rejectAppeal}. */
	public record RejectAppealInput(String appealId, String reason, Integer expectedVersion) {
	}

	/**
	 * Input of {@code assignAppeal}; {@code category}, {@code municipality}, {@code settlement} and
	 * {@code urgent}, when given, are written by the same change (a curator accepting or correcting the
	 * routing suggestion).
	 */
	public record AssignAppealInput(String appealId, String agencyId, Integer expectedVersion,
			@org.jspecify.annotations.Nullable Category category,
			@org.jspecify.annotations.Nullable Municipality municipality,
			@org.jspecify.annotations.Nullable Boolean urgent,
			@org.jspecify.annotations.Nullable String settlement) {

		/** An assignment that names no settlement. */
		public AssignAppealInput(String appealId, String agencyId, Integer expectedVersion,
				@org.jspecify.annotations.Nullable Category category,
				@org.jspecify.annotations.Nullable Municipality municipality,
				@org.jspecify.annotations.Nullable Boolean urgent) {
			this(appealId, agencyId, expectedVersion, category, municipality, urgent, null);
		}

	}

	/**
	 * Input of {@code reclassifyAppeal}: a curator corrects the classification of an appeal in work without
	 * routing it again; a null part keeps the appeal's.
	 */
	public record ReclassifyAppealInput(String appealId, @org.jspecify.annotations.Nullable Integer expectedVersion,
			@org.jspecify.annotations.Nullable Category category,
			@org.jspecify.annotations.Nullable Municipality municipality,
			@org.jspecify.annotations.Nullable String settlement,
			@org.jspecify.annotations.Nullable Boolean urgent) {
	}

	/** Input of {@code redirectAppeal}. */
	public record RedirectAppealInput(String appealId, String agencyId, String reason, Integer expectedVersion) {
	}

	/** Input of {@code takeAppeal}. */
	public record TakeAppealInput(String appealId, Integer expectedVersion) {
	}

	/** Input of {@code reassignAppeal}. */
	public record ReassignAppealInput(String appealId, String executorId, @org.jspecify.annotations.Nullable String comment,
			@org.jspecify.annotations.Nullable Integer expectedVersion) {
	}

	/** Input of {@code takeOverAppeal}. */
	public record TakeOverAppealInput(String appealId, @org.jspecify.annotations.Nullable String comment,
			@org.jspecify.annotations.Nullable Integer expectedVersion) {
	}

	/** Input of {@code submitAnswer}. */
	public record SubmitAnswerInput(String appealId, AnswerKind kind, String text, String clientAnswerId,
			Integer expectedVersion) {
	}

	/** Input of {@code approveAnswer}. */
	public record ApproveAnswerInput(String appealId, String answerId, Integer expectedVersion, String text) {
	}

	/** Input of {@code returnAnswer}. */
	public record ReturnAnswerInput(String appealId, String answerId, String comment, Integer expectedVersion) {
	}

	/** Input of {@code closeAppeal}. */
	public record CloseAppealInput(String appealId, Integer expectedVersion) {
	}

	/** Input of {@code reopenAppeal}. */
	public record ReopenAppealInput(String appealId, String reason, Integer expectedVersion) {
	}

	/** Input of {@code pauseAppeal}. */
	public record PauseAppealInput(String appealId, String reason, Integer expectedVersion) {
	}

	/** Input of {@code resumeAppeal}. */
	public record ResumeAppealInput(String appealId, Integer expectedVersion) {
	}

	/** Input of {@code extendAppealDeadline}. */
	public record ExtendAppealDeadlineInput(String appealId, String reason, Integer expectedVersion) {
	}

	/** Input of {@code markAnswerPublished}. */
	public record MarkAnswerPublishedInput(String appealId, String answerId, @org.jspecify.annotations.Nullable String link,
			@org.jspecify.annotations.Nullable Integer expectedVersion) {
	}

	/** Criteria of the {@code appeals} list. */
	public record AppealFilter(List<AppealStatus> statuses, String agencyId, Category category, Channel channel,
			Municipality municipality, Boolean urgent, Instant receivedFrom, Instant receivedTo, String text,
			String number,
			List<AppealSlaState> slaStates,
			String author,
			Instant answeredFrom,
			Instant answeredTo,
			String settlement) {

		public static final AppealFilter NONE = new AppealFilter(null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);

		/** Criteria that name no settlement. */
		public AppealFilter(List<AppealStatus> statuses, String agencyId, Category category, Channel channel,
				Municipality municipality, Boolean urgent, Instant receivedFrom, Instant receivedTo, String text,
				String number, List<AppealSlaState> slaStates, String author, Instant answeredFrom,
				Instant answeredTo) {
			this(statuses, agencyId, category, channel, municipality, urgent, receivedFrom, receivedTo, text, number,
					slaStates, author, answeredFrom, answeredTo, null);
		}

	}

	/**
	 * Where an open appeal's deadlines stand now, for the region desk's filter; closed, answered and rejected
	 * appeals are in none of these.
	 */
	public enum AppealSlaState {

		/** A clock not yet met is past due: what the figures count as «overdue now». */
		OVERDUE,
		/** Not overdue, but a clock not yet met was announced at risk by the SLA check. */
		AT_RISK,
		/** Open, neither overdue nor at risk. */
		ON_TRACK

	}

	/** Orderings of the {@code appeals} list. */
	public enum AppealOrder {

		RECEIVED_DESC, RECEIVED_ASC, DUE_ASC

	}

}
