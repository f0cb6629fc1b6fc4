package org.otklik.sla;

/** Which clock a policy's business-unit targets run on. */
public enum SlaCalendarKind {

	/** Office hours on working days of the production calendar, in the agency's time zone. */
	BUSINESS,

	/** Every hour counts, day and night, holidays included: for urgent matters. */
	ROUND_THE_CLOCK

}
