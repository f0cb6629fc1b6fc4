package org.otklik.appeal;

/** Interim answers are published at once; final answers are reviewed by the ЦУР first. */
public enum AnswerKind {

	INTERIM, FINAL

}
