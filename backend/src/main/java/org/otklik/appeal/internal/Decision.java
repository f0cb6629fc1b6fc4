package org.otklik.appeal.internal;

import java.util.List;

import org.otklik.appeal.Appeal;
import org.otklik.graphql.UserError;

/** What the lifecycle decides about a command: refuse it, do nothing (an idempotent repeat), or change. */
public sealed interface Decision {

	/** Refused with errors the caller can act on. */
	record Refused(List<UserError> errors) implements Decision {

		public Refused {
			errors = List.copyOf(errors);
		}

	}

	/** A repeat of something already done; the appeal stays as it is. */
	record Unchanged() implements Decision {
	}

	/**
	 * The appeal after the change: status, facts, one more history entry, the last event and a fresh SLA
	 * snapshot, with the version increased by one.
	 */
	record Changed(Appeal before, Appeal after) implements Decision {
	}

	static Decision refuse(UserError error) {
		return new Refused(List.of(error));
	}

	static Decision unchanged() {
		return new Unchanged();
	}

}
