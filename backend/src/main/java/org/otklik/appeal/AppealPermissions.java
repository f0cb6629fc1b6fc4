package org.otklik.appeal;

import java.util.Map;

/**
 * What a caller may do with an appeal now ({@code Appeal.viewerCan}), one flag per action of the
 * lifecycle table. {@code returnAnswer} is the schema's {@code return}, a Java keyword.
 */
public record AppealPermissions(boolean assign, boolean reject, boolean redirect, boolean take, boolean answer,
		boolean approve, boolean returnAnswer, boolean close, boolean reopen, boolean pause, boolean resume,
		boolean extend, boolean markPublished, boolean reassign, boolean takeOver, boolean reclassify) {

	/** From the flags keyed by the schema's field names. */
	static AppealPermissions of(Map<String, Boolean> can) {
		return new AppealPermissions(can.get("assign"), can.get("reject"), can.get("redirect"), can.get("take"),
				can.get("answer"), can.get("approve"), can.get("return"), can.get("close"), can.get("reopen"),
				can.get("pause"), can.get("resume"), can.get("extend"), can.get("markPublished"), can.get("reassign"),
				can.get("takeOver"), can.get("reclassify"));
	}

}
