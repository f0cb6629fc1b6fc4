package org.otklik.appeal;

/** Lifecycle of an appeal: NEW → ASSIGNED → IN_PROGRESS → ON_REVIEW → ANSWERED → CLOSED, or REJECTED. */
public enum AppealStatus {

	NEW, ASSIGNED, IN_PROGRESS, ON_REVIEW, ANSWERED, CLOSED, REJECTED;

	/** Whether someone still has to act on it. */
	public boolean isOpen() {
		return this == NEW || this == ASSIGNED || this == IN_PROGRESS || this == ON_REVIEW;
	}

}
