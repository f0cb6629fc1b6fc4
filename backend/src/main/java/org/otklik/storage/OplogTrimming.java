package org.otklik.storage;

import java.time.Duration;

/** An embedded backend whose oplog can be trimmed ({@link IndexedOplog#trim}) safely beside its commands. */
interface OplogTrimming {

	/**
	 * Removes the oplog entries older than the horizon (a cluster time as one number) that no open change stream
	 * used within {@code idleCursor} has still to read.
	 *
	 * @return how many entries were removed
	 */
	int trimOplog(long horizon, Duration idleCursor);

}
