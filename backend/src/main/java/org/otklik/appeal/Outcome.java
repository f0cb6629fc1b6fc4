package org.otklik.appeal;

import java.util.List;

import org.otklik.graphql.UserError;

import org.springframework.data.mongodb.core.query.Update;

/** What a rule decides about a requested change: refuse it, do nothing (an idempotent repeat), or apply it. */
sealed interface Outcome {

	static Outcome refuse(UserError... errors) {
		return new Refused(List.of(errors));
	}

	static Outcome refuse(List<UserError> errors) {
		return new Refused(List.copyOf(errors));
	}

	static Outcome unchanged() {
		return new Unchanged();
	}

	static Apply apply(AppealEventType type, AppealStatus to) {
		return new Apply(type, to, new Update(), null, null, null, null);
	}

	/** The change is refused with user errors. */
	record Refused(List<UserError> errors) implements Outcome {
	}

	/** The request repeats one already applied; return the appeal as it is. */
	record Unchanged() implements Outcome {
	}

	/**
	 * The change to apply atomically.
	 *
	 * @param update the change-specific fields; status, version, history and lastEvent are added
	 * @param agencyId the agency after the change, when it changes
	 * @param fromAgencyId the agency before a redirect
	 * @param reason why, for history
	 * @param detail routing detail for live events (the clock of an SLA alert)
	 */
	record Apply(AppealEventType type, AppealStatus to, Update update, String agencyId, String fromAgencyId,
			String reason, String detail) implements Outcome {

		Apply set(String key, Object value) {
			this.update.set(key, value);
			return this;
		}

		Apply unset(String key) {
			this.update.unset(key);
			return this;
		}

		Apply inc(String key) {
			this.update.inc(key, 1);
			return this;
		}

		boolean unsets(String key) {
			Object unset = this.update.getUpdateObject().get("$unset");
			return unset instanceof org.bson.Document fields && fields.containsKey(key);
		}

		Apply agency(String to, String from) {
			return new Apply(this.type, this.to, this.update, to, from, this.reason, this.detail);
		}

		Apply because(String why) {
			return new Apply(this.type, this.to, this.update, this.agencyId, this.fromAgencyId, why, this.detail);
		}

		Apply detail(String value) {
			return new Apply(this.type, this.to, this.update, this.agencyId, this.fromAgencyId, this.reason, value);
		}

		/** The value this update sets for a key, if it sets one. */
		Object setting(String key) {
			Object set = this.update.getUpdateObject().get("$set");
			return (set instanceof org.bson.Document fields) ? fields.get(key) : null;
		}

		boolean sets(String key) {
			Object set = this.update.getUpdateObject().get("$set");
			return set instanceof org.bson.Document fields && fields.containsKey(key);
		}

	}

}
