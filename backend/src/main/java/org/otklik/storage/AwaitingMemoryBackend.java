package org.otklik.storage;

import java.time.Duration;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The embedded server's memory backend (tests, {@code OTKLIK_EMBEDDED_BACKEND=memory}): its oplog keeps only
 * stored inserts ({@link StoredInsertsOplog}) and is read from a cursor's position on ({@link IndexedOplog}),
 * and its change streams wait for news ({@link AwaitData}), as
 * {@link DurableH2Backend} does for the file.
 */
final class AwaitingMemoryBackend extends MemoryBackend implements OplogTrimming {

	private final AwaitData awaitData = new AwaitData();

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		this.awaitData.beforeCommand(channel, command, query, getCursorRegistry());
		return super.handleCommand(channel, databaseName, command, query);
	}

	private IndexedOplog indexedOplog;

	/** Databases whose collections find a document by {@code _id} first ({@link IdFirstQueries}). */
	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new IdFirstQueries.MemoryIdFirstDatabase(databaseName, getCursorRegistry());
	}

	@Override
	protected Oplog createOplog() {
		this.indexedOplog = new IndexedOplog(this, getCursorRegistry());
		return new StoredInsertsOplog(this, this.indexedOplog, this.awaitData::oplogWritten);
	}

	@Override
	public int trimOplog(long horizon, Duration idleCursor) {
		return (this.indexedOplog != null) ? this.indexedOplog.trim(horizon, idleCursor) : 0;
	}

	IndexedOplog indexedOplog() {
		return this.indexedOplog;
	}

	AwaitData awaitData() {
		return this.awaitData;
	}

}
