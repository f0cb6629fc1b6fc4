package org.otklik.appeal.internal;

import java.time.Instant;
import java.util.List;

import org.otklik.appeal.Appeal;
import org.otklik.appeal.SlaSnapshot;

/**
 * The SLA as the lifecycle needs it for one appeal, with its policy already chosen: pure functions, so
 * that the rules can be tested without a database.
 */
public interface SlaRules {

	/** Whether the policy allows one extension of the final-answer term. */
	boolean extensionAllowed();

	/** The snapshot to store for the appeal in this state. */
	SlaSnapshot snapshot(Appeal appeal, Instant now, List<String> announced);

	/** Thresholds reached by {@code now} and not yet announced, oldest first, as {@code CLOCK:STATE} keys. */
	List<String> dueThresholds(Appeal appeal, Instant now, List<String> announced);

}
