package org.otklik.appeal;

/** The sizes texts and pages may have ({@code Query.limits}); see {@link AppealLimits}. */
public record Limits(int appealText, int answerText, int reason, int shortText, int url, int clientAnswerId,
		int pageSize) {

	static final Limits CURRENT = new Limits(AppealLimits.APPEAL_TEXT, AppealLimits.ANSWER_TEXT, AppealLimits.REASON,
			AppealLimits.SHORT_TEXT, AppealLimits.URL, AppealLimits.CLIENT_ID, AppealLimits.PAGE_SIZE);

}
