package org.otklik.appeal;

/**
 * The sizes an appeal's texts may have. They are part of the contract ({@code Query.limits}), so that
 * clients check them before sending instead of keeping their own copy.
 */
public final class AppealLimits {

	/** The citizen's text. */
	public static final int APPEAL_TEXT = 20_000;

	/** An executor's answer. */
	public static final int ANSWER_TEXT = 10_000;

	/** A reason, comment or clarification. */
	public static final int REASON = 2_000;

	/** Identifiers and names. */
	public static final int SHORT_TEXT = 500;

	/** Links. */
	public static final int URL = 2_000;

	/** A client-generated answer id. */
	public static final int CLIENT_ID = 100;

	/** The largest page of a list. */
	public static final int PAGE_SIZE = 100;

	private AppealLimits() {
	}

}
