package org.otklik.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's H2 store, made durable: a command's changes are committed to the file and
 * synced to the disk before its reply leaves, so a write acknowledged to a client survives {@code kill -9}
 * and power loss.
 *
 * <p>H2's own default commits in the background about once a second and never syncs, which lost acknowledged
 * appeals on a crash; and a background commit could land between a document and its index entry, which
 * left ghost documents and a unique index that no longer held. Here every command runs under a shared lock
 * and a commit takes it exclusively, so a stored version never holds half a command. Commits are grouped:
 * one commit and one sync cover every command that finished before it started, so concurrent writers share
 * the cost of a sync instead of queueing one each.
 */
final class DurableH2Backend extends H2Backend implements OplogTrimming {

	private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

	private final MVStore store;

	/** Held shared by each command and exclusively by a commit, so no command is half in a commit. */
	private final ReentrantReadWriteLock commandLock = new ReentrantReadWriteLock();

	/** Counts commands that have finished; a commit covers all of them up to the count it read. */
	private final AtomicLong finished = new AtomicLong();

	/** The highest command count known to be committed and synced. */
	private volatile long durable;

	private final Object committer = new Object();

	private final AwaitData awaitData = new AwaitData();

	private IndexedOplog indexedOplog;

	private DurableH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	/**
	 * Opens (or creates) the store in the file, with H2's background auto-commit switched off, and checks its
	 * unique indexes against its documents ({@link StoreIntegrity}): disagreeing indexes are rebuilt, two
	 * documents with one unique key stop the start with a {@link DamagedStoreException}.
	 */
	static DurableH2Backend open(Path file) {
		DurableH2Backend backend = new DurableH2Backend(
				new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
		long started = System.nanoTime();
		StoreIntegrity.Report report = new StoreIntegrity(backend.store, backend).check(true);
		log.info("Embedded store {}: unique indexes checked against the documents in {} ms", file,
				(System.nanoTime() - started) / 1_000_000);
		if (!report.unrepairable().isEmpty()) {
			backend.store.close();
			throw new DamagedStoreException(file, report.unrepairable());
		}
		if (!report.repaired().isEmpty()) {
			backend.store.commit();
			backend.store.sync();
			report.repaired().forEach(repair -> log.warn("Embedded store {}: repaired {}", file, repair));
		}
		return backend;
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document reply;
		long ticket;
		this.awaitData.beforeCommand(channel, command, query, getCursorRegistry());
		this.commandLock.readLock().lock();
		try {
			reply = super.handleCommand(channel, databaseName, command, query);
		}
		finally {
			ticket = this.finished.incrementAndGet();
			this.commandLock.readLock().unlock();
		}
		if (this.store.hasUnsavedChanges()) {
			makeDurable(ticket);
		}
		return reply;
	}

	/** Commits and syncs everything finished up to the ticket, unless another commit already did. */
	private void makeDurable(long ticket) {
		synchronized (this.committer) {
			if (this.durable >= ticket) {
				return;
			}
			long upTo;
			this.commandLock.writeLock().lock();
			try {
				upTo = this.finished.get();
				this.store.commit();
			}
			finally {
				this.commandLock.writeLock().unlock();
			}
			// The sync needs no lock: commands may go on writing the next version meanwhile.
			this.store.sync();
			this.durable = upTo;
		}
	}

	/** Databases whose collections find a document by {@code _id} first ({@link IdFirstQueries}). */
	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		// H2Backend's constructor opens the stored databases before this class's fields are set.
		return IdFirstQueries.H2IdFirstDatabase.open(databaseName, getMvStore(), getCursorRegistry());
	}

	/**
	 * The oplog, without the inserts a unique index refused (see {@link StoredInsertsOplog}), read by change
	 * streams from their position on ({@link IndexedOplog}); its writes wake waiting change streams
	 * ({@link AwaitData}).
	 */
	@Override
	protected Oplog createOplog() {
		this.indexedOplog = new IndexedOplog(this, getCursorRegistry());
		return new StoredInsertsOplog(this, this.indexedOplog, this.awaitData::oplogWritten);
	}

	/** Trims as a command would write: beside commands, never inside a commit, and durable before it returns. */
	@Override
	public int trimOplog(long horizon, Duration idleCursor) {
		IndexedOplog oplog = this.indexedOplog;
		if (oplog == null) {
			return 0;
		}
		int removed;
		long ticket;
		this.commandLock.readLock().lock();
		try {
			removed = oplog.trim(horizon, idleCursor);
		}
		finally {
			ticket = this.finished.incrementAndGet();
			this.commandLock.readLock().unlock();
		}
		if (this.store.hasUnsavedChanges()) {
			makeDurable(ticket);
		}
		return removed;
	}

	/** Commits what is left before the store closes, so a clean stop loses nothing either. */
	@Override
	public void close() {
		this.commandLock.writeLock().lock();
		try {
			if (!this.store.isClosed() && this.store.hasUnsavedChanges()) {
				this.store.commit();
			}
		}
		finally {
			this.commandLock.writeLock().unlock();
		}
		super.close();
	}

}
