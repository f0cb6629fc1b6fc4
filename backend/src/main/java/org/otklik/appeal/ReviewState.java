package org.otklik.appeal;

/** Review states of an answer. */
public enum ReviewState {

	NOT_REQUIRED, PENDING, APPROVED, RETURNED

}
