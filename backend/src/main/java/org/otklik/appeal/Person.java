package org.otklik.appeal;

import org.otklik.security.Caller;

/** A member of staff or a system as recorded on an appeal (executor, author of an answer, actor). */
public record Person(String id, String name) {

	public static Person of(Caller caller) {
		return new Person(caller.id(), caller.name());
	}

}
