package org.otklik.sla;

/**
 * Units of SLA targets. Business units are measured in working time of the policy's calendar; calendar
 * units in plain elapsed time.
 */
public enum SlaTimeUnit {

	/** Hours of working time: office hours only, holidays and lunch excluded. */
	BUSINESS_HOURS(true),

	/** Working days: the term ends at the end of the N-th working day after the day of receipt. */
	WORKING_DAYS(true),

	/** Plain hours, day and night. */
	CALENDAR_HOURS(false),

	/** Calendar days: the term ends at local midnight after the N-th day following the day of receipt. */
	CALENDAR_DAYS(false);

	private final boolean business;

	SlaTimeUnit(boolean business) {
		this.business = business;
	}

	/** Whether targets in this unit are measured, paused and reported in working time. */
	public boolean isBusiness() {
		return this.business;
	}

}
