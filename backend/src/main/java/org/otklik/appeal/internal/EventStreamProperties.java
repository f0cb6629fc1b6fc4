package org.otklik.appeal.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the appeal event stream and its durable consumers.
 *
 * @param replayWindow recent events kept in memory, so that a resuming subscriber usually catches up
 *                     without reading the database
 * @param consumerBuffer events a durable consumer may fall behind the stream before it re-reads from its
 *                       checkpoint
 * @param checkpointEvery how often a consumer stores its position
 * @param lease how long a claimed piece of work stays with the instance that claimed it; after that
 *              another instance retries it
 * @param retryEvery how often failed and abandoned work is looked for
 * @param keepDone how long finished work is kept (it is what makes a replayed event a no-op)
 * @param consumerBatch at most this many events a durable consumer hands off together: their work items are
 *                      inserted with one write and marked done with another
 * @param consumerBatchWait the longest an event waits for others to fill its batch
 */
@ConfigurationProperties("otklik.events")
public record EventStreamProperties(int replayWindow, int consumerBuffer, Duration checkpointEvery, Duration lease,
		Duration retryEvery, Duration keepDone, int consumerBatch,
		Duration consumerBatchWait) {

	public EventStreamProperties {
		replayWindow = (replayWindow > 0) ? replayWindow : 10_000;
		consumerBuffer = (consumerBuffer > 0) ? consumerBuffer : 4_096;
		checkpointEvery = (checkpointEvery != null) ? checkpointEvery : Duration.ofSeconds(1);
		lease = (lease != null) ? lease : Duration.ofMinutes(2);
		retryEvery = (retryEvery != null) ? retryEvery : Duration.ofSeconds(10);
		keepDone = (keepDone != null) ? keepDone : Duration.ofDays(7);
		consumerBatch = (consumerBatch > 0) ? consumerBatch : 64;
		consumerBatchWait = (consumerBatchWait != null) ? consumerBatchWait : Duration.ofMillis(5);
	}

}
