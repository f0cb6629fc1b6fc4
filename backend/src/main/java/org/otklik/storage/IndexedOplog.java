package org.otklik.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.CollectionBackedOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.oplog.OplogCursor;

/**
 * The embedded server's oplog, where a change stream's {@code getMore} reads only the entries after its
 * cursor's position instead of the whole oplog.
 *
 * <p>mongo-java-server's {@link CollectionBackedOplog} answers every {@code getMore} by scanning the whole
 * oplog collection, filtering the entries after the cursor's position and sorting them: the cost grew with
 * every write ever made. This class leaves all of its logic in place (positions, resume tokens, the change
 * events it builds, {@code $match} and the other stages) and changes only where the entries come from: the
 * oplog is given a view of its collection whose {@code queryAllAsStream()}, while a change-stream cursor of
 * ours reads, yields the entries from that cursor's last position on, found through an index of the entries'
 * cluster times. The library then filters them by position exactly as before; since the index holds every
 * entry of the collection and the entries it skips are at or before the position, the result is the same.
 *
 * <p>The index maps a cluster time to the entry's {@code _id} (the collection's own unique index finds the
 * entry), so the H2 file's entries are not kept in memory twice, and to its namespace: a cursor looks up only
 * the entries of its own collection and commands ({@code $cmd}), the only ones the library's namespace filter
 * lets through. The durable consumers' work items, audit records and the like are most of the oplog during
 * intake, and looking each one up for the appeals' change stream only to drop it was most of the embedded
 * server's CPU under the ingest benchmark. It is built from the collection at start.
 *
 * <p>{@link #trim} removes old entries (see {@link OplogTrimmer} for which): MongoDB's oplog is a capped
 * collection, this one would grow with every write ever made.
 */
final class IndexedOplog implements Oplog {

	private static final String TIMESTAMP = "ts";

	private static final String TRIM_RECORD = "otklik_oplog_trim";

	/** MongoDB's code for a change stream asked to resume from history its oplog no longer holds. */
	static final int CHANGE_STREAM_HISTORY_LOST = 286;

	/** The cursor the current thread reads for, while it reads; null otherwise. */
	private static final ThreadLocal<PositionedCursor> READING = new ThreadLocal<>();

	private final Oplog delegate;

	private final MongoCollection<Document> collection;

	private final CursorRegistry cursors;

	/** Cluster time (as one number) of every entry in the collection, to the entry's {@code _id} and namespace. */
	private final ConcurrentSkipListMap<Long, Indexed> entries = new ConcurrentSkipListMap<>();

	/** One instance of each namespace string, so that the index holds a reference per entry, not a copy. */
	private final Map<String, String> namespaces = new ConcurrentHashMap<>();

	/** Where an entry is and which collection it concerns. */
	private record Indexed(Object id, String namespace) {

		/** Whether the library's namespace filter could pass the entry to a cursor on {@code watched}. */
		boolean mayConcern(String watched) {
			// A watch of a whole database or cluster (no collection in its name) is left to the library alone.
			return this.namespace == null || watched == null || watched.indexOf('.') < 0 || this.namespace.equals(watched)
					|| this.namespace.endsWith(".$cmd");
		}

	}

	private final LongAdder examined = new LongAdder();

	/** Where the newest cluster time trimmed away is kept, so that a restarted store still refuses older cursors. */
	private final MongoCollection<Document> trimRecord;

	/** The newest cluster time removed by trimming; 0 when nothing ever was. */
	private volatile long trimmedUpTo;

	/** Our change-stream cursors, so that trimming keeps what an open one has still to read. */
	private final Set<PositionedCursor> open = ConcurrentHashMap.newKeySet();

	/** Held by a trim and by a new cursor's check of its start, so no cursor starts inside a trimmed range. */
	private final Object trimming = new Object();

	@SuppressWarnings("unchecked")
	IndexedOplog(AbstractMongoBackend backend, CursorRegistry cursors) {
		MongoDatabase local = backend.resolveDatabase("local");
		MongoCollection<Document> oplog = (MongoCollection<Document>) local.resolveCollection("oplog.rs", false);
		if (oplog == null) {
			oplog = (MongoCollection<Document>) local.createCollectionOrThrowIfExists("oplog.rs");
		}
		this.collection = oplog;
		this.cursors = cursors;
		MongoCollection<Document> record = (MongoCollection<Document>) local.resolveCollection(TRIM_RECORD, false);
		this.trimRecord = (record != null) ? record
				: (MongoCollection<Document>) local.createCollectionOrThrowIfExists(TRIM_RECORD);
		for (Document trimmed : this.trimRecord.handleQuery(new Document("_id", TRIM_RECORD))) {
			this.trimmedUpTo = ((Number) trimmed.get("upTo")).longValue();
		}
		oplog.queryAllAsStream().forEach(this::index);
		MongoCollection<Document> view = (MongoCollection<Document>) Proxy.newProxyInstance(
				MongoCollection.class.getClassLoader(), new Class<?>[] { MongoCollection.class }, new View());
		this.delegate = new CollectionBackedOplog(backend, view, cursors);
	}

	/** How many oplog entries change-stream cursors have read so far (for tests and diagnostics). */
	long entriesExamined() {
		return this.examined.sum();
	}

	/** How many entries the oplog holds. */
	int size() {
		return this.entries.size();
	}

	/** The newest cluster time trimmed away (0: none); cursors from before it are refused. */
	long trimmedUpTo() {
		return this.trimmedUpTo;
	}

	/**
	 * Removes the entries older than the horizon (a cluster time as one number), except those an open cursor
	 * of ours read within {@code idleCursor} has still to read, and records the newest one removed: a change
	 * stream asked to start before it is refused from then on ({@link #createCursor}), as MongoDB refuses one
	 * whose resume point has left its oplog, instead of silently starting after a gap.
	 *
	 * @return how many entries were removed
	 */
	int trim(long horizon, Duration idleCursor) {
		synchronized (this.trimming) {
			long limit = horizon;
			long now = System.nanoTime();
			for (PositionedCursor cursor : List.copyOf(this.open)) {
				if (!isRegistered(cursor)) {
					this.open.remove(cursor);
				}
				else if (now - cursor.lastUsed < idleCursor.toNanos()) {
					limit = Math.min(limit, cursor.position);
				}
			}
			long newest = this.trimmedUpTo;
			int removed = 0;
			for (Map.Entry<Long, Indexed> entry : List.copyOf(this.entries.headMap(limit, false).entrySet())) {
				this.collection.deleteDocuments(new Document("_id", entry.getValue().id()), 1);
				this.entries.remove(entry.getKey());
				newest = Math.max(newest, entry.getKey());
				removed++;
			}
			if (removed > 0) {
				this.trimmedUpTo = newest;
				this.trimRecord.deleteDocuments(new Document("_id", TRIM_RECORD), 1);
				this.trimRecord.addDocument(new Document("_id", TRIM_RECORD).append("upTo", newest));
			}
			return removed;
		}
	}

	private boolean isRegistered(PositionedCursor cursor) {
		try {
			return this.cursors.getCursor(cursor.getId()) == cursor;
		}
		catch (RuntimeException ex) {
			return false; // closed (killCursors) or never registered
		}
	}

	private void index(Document entry) {
		String namespace = (entry.get("ns") instanceof String ns) ? this.namespaces.computeIfAbsent(ns, n -> n) : null;
		this.entries.put(((BsonTimestamp) entry.get(TIMESTAMP)).getValue(), new Indexed(entry.get("_id"), namespace));
	}

	/**
	 * The entries from a position on (inclusive: the library filters by its own rule), oldest first, up to the
	 * newest entry at this moment: appends are serialised in cluster-time order, so every entry up to that one
	 * is in the index already, and a reader never sees a later entry while missing an earlier one.
	 */
	private Stream<Document> entriesFrom(long position, long[] lastRead, String namespace) {
		Long newest = this.entries.isEmpty() ? null : this.entries.lastKey();
		if (newest == null || newest < position) {
			return Stream.empty();
		}
		return this.entries.subMap(position, true, newest, true).entrySet().stream().map(entry -> {
			lastRead[0] = entry.getKey();
			if (!entry.getValue().mayConcern(namespace)) {
				// Refused by the library's namespace filter for good: passed over like an entry the stages refused.
				return null;
			}
			this.examined.increment();
			for (Document document : this.collection.handleQuery(new Document("_id", entry.getValue().id()))) {
				return document;
			}
			return null; // removed meanwhile
		}).filter(Objects::nonNull);
	}

	@Override
	public void handleInsert(String namespace, List<Document> documents) {
		this.delegate.handleInsert(namespace, documents);
	}

	@Override
	public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
		this.delegate.handleUpdate(namespace, selector, query, modifiedIds);
	}

	@Override
	public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
		this.delegate.handleDelete(namespace, query, deletedIds);
	}

	@Override
	public void handleDropCollection(String namespace) {
		this.delegate.handleDropCollection(namespace);
	}

	@Override
	public Cursor createCursor(Document changeStreamDocument, String namespace, Aggregation aggregation) {
		synchronized (this.trimming) {
			refuseTrimmedStart(changeStreamDocument);
			// Every entry written from here on comes after this floor; the library computes the exact position.
			Map.Entry<Long, Indexed> newest = this.entries.lastEntry();
			long floor = startOf(changeStreamDocument, (newest != null) ? newest.getKey() : 0);
			Cursor cursor = this.delegate.createCursor(changeStreamDocument, namespace, aggregation);
			if (!(cursor instanceof OplogCursor oplogCursor)) {
				return cursor; // the invalidate cursor of a dropped collection
			}
			// With updateLookup an entry's event depends on when it is read, so one the stages refused may pass later.
			boolean stable = !"updateLookup".equals(changeStreamDocument.get("fullDocument"));
			PositionedCursor positioned = new PositionedCursor(oplogCursor, floor, stable, namespace);
			this.cursors.remove(oplogCursor);
			this.cursors.add(positioned);
			this.open.add(positioned);
			return positioned;
		}
	}

	/**
	 * A stream that would start inside the trimmed history would miss the entries removed there: refused with
	 * MongoDB's {@code ChangeStreamHistoryLost}, which the application reports as an expired cursor.
	 */
	private void refuseTrimmedStart(Document changeStreamDocument) {
		long trimmed = this.trimmedUpTo;
		if (trimmed == 0) {
			return;
		}
		for (String key : List.of("startAfter", "resumeAfter")) {
			if (changeStreamDocument.get(key) instanceof Document token && token.get("_data") instanceof String data
					&& Long.parseUnsignedLong(data, 16) < trimmed) {
				throw historyLost();
			}
		}
		if (changeStreamDocument.get("startAtOperationTime") instanceof BsonTimestamp time && time.getValue() <= trimmed) {
			throw historyLost();
		}
	}

	private static MongoServerError historyLost() {
		return new MongoServerError(CHANGE_STREAM_HISTORY_LOST, "ChangeStreamHistoryLost",
				"Resume of change stream was not possible, as the resume point may no longer be in the oplog");
	}

	/** The position a new cursor starts from, as the library reads it (or lower). */
	private static long startOf(Document changeStreamDocument, long newest) {
		for (String key : List.of("startAfter", "resumeAfter")) {
			if (changeStreamDocument.get(key) instanceof Document token && token.get("_data") instanceof String data) {
				return Long.parseUnsignedLong(data, 16);
			}
		}
		if (changeStreamDocument.get("startAtOperationTime") instanceof BsonTimestamp time) {
			return time.getValue();
		}
		return newest;
	}

	/**
	 * The library's cursor, with the position it reads from: the last event it returned, or past it the last
	 * entry read when every entry read went through the stages and none was held back by the batch size
	 * (those the stages refused would be refused again: the events are built from the entries alone).
	 */
	final class PositionedCursor extends AbstractCursor {

		private final OplogCursor cursor;

		private final boolean stable;

		private volatile long position;

		/** When the cursor was created or last read ({@link System#nanoTime()}). */
		private volatile long lastUsed = System.nanoTime();

		/** The newest entry the current read supplied, or -1. */
		private final long[] lastRead = { -1 };

		/** The collection watched ({@code db.collection}); the library filters entries by it. */
		private final String namespace;

		PositionedCursor(OplogCursor cursor, long position, boolean stable, String namespace) {
			super(cursor.getId());
			this.namespace = namespace;
			this.cursor = cursor;
			this.position = position;
			this.stable = stable;
		}

		Stream<Document> entries() {
			return entriesFrom(this.position, this.lastRead, this.namespace);
		}

		@Override
		public boolean isEmpty() {
			return this.cursor.isEmpty();
		}

		@Override
		public synchronized List<Document> takeDocuments(int numberToReturn) {
			List<Document> documents;
			this.lastUsed = System.nanoTime();
			this.lastRead[0] = -1;
			READING.set(this);
			try {
				documents = this.cursor.takeDocuments(numberToReturn);
			}
			finally {
				READING.remove();
			}
			if (!documents.isEmpty() && documents.get(documents.size() - 1).get("_id") instanceof Document token
					&& token.get("_data") instanceof String data) {
				this.position = Long.parseUnsignedLong(data, 16);
			}
			boolean allRead = numberToReturn <= 0 || documents.size() < numberToReturn;
			if (this.stable && allRead && this.lastRead[0] > this.position) {
				this.position = this.lastRead[0];
			}
			return documents;
		}

	}

	/** The collection as the library's oplog sees it: indexed on write, read through the index by cursors. */
	private final class View implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "addDocuments" -> {
					if (args.length == 1 && args[0] instanceof Stream<?> documents) {
						addAll(documents);
						return null;
					}
				}
				case "addDocument" -> {
					if (args.length == 1 && args[0] instanceof Document document) {
						add(document);
						return null;
					}
				}
				case "queryAllAsStream" -> {
					PositionedCursor reading = READING.get();
					if ((args == null || args.length == 0) && reading != null) {
						return reading.entries();
					}
				}
				default -> {
				}
			}
			try {
				return method.invoke(IndexedOplog.this.collection, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		// One writer at a time: the library stamps an entry's cluster time as it is consumed from the stream,
		// so entries become visible in the order of their times and a cursor never passes one still coming.
		private void addAll(Stream<?> documents) {
			synchronized (this) {
				documents.forEach(document -> add((Document) document));
			}
		}

		private void add(Document document) {
			synchronized (this) {
				IndexedOplog.this.collection.addDocument(document);
				index(document);
			}
		}

	}

}
