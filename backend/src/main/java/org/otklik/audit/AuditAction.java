package org.otklik.audit;

/** What an audit entry records. */
public enum AuditAction {

	/** An author's name or profile link was shown to the caller (152-ФЗ). */
	PERSONAL_DATA_READ,
	/** The caller changed an appeal. */
	STATE_CHANGE,
	/** The caller downloaded a report (a list of appeals or figures); the detail holds its criteria. */
	REPORT_EXPORTED

}
