package org.otklik.storage;

import reactor.core.publisher.Mono;

/**
 * Readers that resume the change stream from positions they stored (durable consumers): the embedded server
 * keeps every oplog entry after the oldest such position, whatever its age, so none of them loses an event
 * it has not passed. On real MongoDB the server sizes its own oplog and this is not asked.
 */
public interface OplogReaders {

	/**
	 * The oldest position one of them may resume after (a cluster time as one number: seconds in the high 32
	 * bits, the increment in the low); empty when none needs history. An error leaves the oplog untrimmed.
	 */
	Mono<Long> oldestPosition();

}
