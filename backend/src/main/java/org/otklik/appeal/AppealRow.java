package org.otklik.appeal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.otklik.region.Category;
import org.otklik.region.Municipality;
import org.otklik.sla.SlaState;

/**
 * One appeal as a report shows it: the fields of the {@code appeals} query flattened, its SLA evaluated at
 * the moment of the export, and the author's personal data only when the caller may see it (null otherwise),
 * so that the report feature never reads the appeal document itself.
 *
 * @param id the appeal's id
 * @param receivedAt when Otklik received it
 * @param status lifecycle status
 * @param channel source channel
 * @param category subject area
 * @param municipality where, if known
 * @param urgent whether it is urgent
 * @param agencyId the responsible agency, if routed
 * @param executorName the executor who took it, if any
 * @param text the citizen's text
 * @param url link to the original post, if any
 * @param authorName the author's name, null when hidden from the caller or unknown
 * @param authorProfileUrl the author's profile link, null when hidden from the caller or unknown
 * @param firstResponseDueAt the first-response deadline
 * @param firstResponseState where the first-response deadline stands
 * @param firstRespondedAt when the first response was given
 * @param finalAnswerDueAt the final-answer deadline
 * @param finalAnswerState where the final-answer deadline stands
 * @param answeredAt when the final answer was approved
 * @param closedAt when the appeal was closed
 * @param redirectCount redirects to another agency
 * @param returnCount answers returned for rework
 */
public record AppealRow(String id, Instant receivedAt, AppealStatus status, Channel channel, Category category,
		@Nullable Municipality municipality, boolean urgent, @Nullable String agencyId, @Nullable String executorName,
		String text, @Nullable String url, @Nullable String authorName, @Nullable String authorProfileUrl,
		@Nullable Instant firstResponseDueAt, @Nullable SlaState firstResponseState, @Nullable Instant firstRespondedAt,
		@Nullable Instant finalAnswerDueAt, @Nullable SlaState finalAnswerState, @Nullable Instant answeredAt,
		@Nullable Instant closedAt, int redirectCount, int returnCount) {

	/** The worse of the two deadlines' states (BREACHED, then AT_RISK, ON_TRACK, MET); null without SLA facts. */
	public @Nullable SlaState slaState() {
		return worse(this.firstResponseState, this.finalAnswerState);
	}

	static @Nullable SlaState worse(@Nullable SlaState a, @Nullable SlaState b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return (severity(a) >= severity(b)) ? a : b;
	}

	private static int severity(SlaState state) {
		return switch (state) {
			case MET -> 0;
			case ON_TRACK -> 1;
			case AT_RISK -> 2;
			case BREACHED -> 3;
		};
	}

}
