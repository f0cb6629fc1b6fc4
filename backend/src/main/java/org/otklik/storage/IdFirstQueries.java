package org.otklik.storage;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * Embedded collections that find a document by its {@code _id} first when a query names the {@code _id} beside
 * other conditions, instead of scanning the collection.
 *
 * <p>mongo-java-server uses a unique index only for a query whose fields are exactly the index's fields, so
 * {@code {_id, version}} (the appeal writer's guarded update), {@code {_id, owner, state}} (a durable consumer
 * marking its work done) or {@code {_id, position: {$lt}}} (a checkpoint) read and matched every document of
 * the collection. With 2,000 ingested appeals each event's work items cost a scan of all work items, which
 * kept the process busy for minutes after the ingest. Real MongoDB uses the {@code _id} index for them; so do
 * these collections: the candidate is the one document with that {@code _id}, and the whole query is still
 * matched against it, so the result is the same.
 */
final class IdFirstQueries {

	/** The MVStore of an H2 database under construction (its constructor opens the stored collections). */
	private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

	private IdFirstQueries() {
	}

	/**
	 * The {@code _id} the query asks for by equality, when it also has other conditions (beside it, or as one
	 * of the terms of a top-level {@code $and}); null otherwise.
	 */
	static @Nullable Object idEquality(Document query) {
		if (query.size() == 1 && query.get("$and") instanceof List<?> terms) {
			for (Object term : terms) {
				if (term instanceof Document document && document.size() == 1 && equality(document.get("_id")) != null) {
					return equality(document.get("_id"));
				}
			}
			return null;
		}
		// {_id} alone already uses the index; no _id cannot.
		return (query.size() < 2) ? null : equality(query.get("_id"));
	}

	private static @Nullable Object equality(@Nullable Object id) {
		if (id == null || id instanceof Pattern || id instanceof Collection<?>) {
			return null;
		}
		if (id instanceof Document document && document.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
			return null; // an operator ($in, $gt, ...), not an equality
		}
		return id;
	}

	/** A collection that counts its full scans (for tests). */
	interface Scanning {

		long scans();

	}

	/**
	 * Where the one document is that the query names by {@code _id} beside other conditions (through the
	 * collection's unique {@code _id} index); null when the query must scan.
	 */
	static <P> @Nullable Iterable<P> idPositions(Document query, Collection<Index<P>> indexes) {
		Object id = idEquality(query);
		if (id == null) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (index.isUnique() && index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey())) {
				return index.getPositions(new Document("_id", id));
			}
		}
		return null;
	}

	/** The H2 database of the file backend, with {@link H2IdFirstCollection}s. */
	static final class H2IdFirstDatabase extends H2Database {

		private final MVStore store;

		static H2IdFirstDatabase open(String name, MVStore store, CursorRegistry cursors) {
			CONSTRUCTING.set(store);
			try {
				return new H2IdFirstDatabase(name, store, cursors);
			}
			finally {
				CONSTRUCTING.remove();
			}
		}

		private H2IdFirstDatabase(String name, MVStore store, CursorRegistry cursors) {
			super(name, store, cursors);
			this.store = store;
		}

		// The same maps as H2Database's own: "databases.<ns>" holds the documents, "meta.<ns>" their size.
		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore mvStore = (this.store != null) ? this.store : CONSTRUCTING.get();
			String namespace = getFullCollectionNamespace(collectionName);
			return new H2IdFirstCollection(this, collectionName, options, mvStore.openMap("databases." + namespace),
					mvStore.openMap("meta." + namespace), this.cursorRegistry);
		}

	}

	/** An H2 collection whose queries with an {@code _id} equality read that one document. */
	static final class H2IdFirstCollection extends H2Collection implements Scanning {

		private final LongAdder scans = new LongAdder();

		@Override
		public long scans() {
			return this.scans.sum();
		}

		H2IdFirstCollection(MongoDatabase database, String name, CollectionOptions options,
				org.h2.mvstore.MVMap<Object, Document> documents, org.h2.mvstore.MVMap<String, Object> meta,
				CursorRegistry cursors) {
			super(database, name, options, documents, meta, cursors);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			Iterable<Object> positions = idPositions(query, getIndexes());
			return (positions != null) ? matchDocuments(query, positions, orderBy, skip, limit, batchSize, projection)
					: super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			this.scans.increment();
			return super.matchDocuments(query, orderBy, skip, limit, batchSize, projection);
		}

	}

	/** The memory backend's database, with {@link MemoryIdFirstCollection}s. */
	static final class MemoryIdFirstDatabase extends MemoryDatabase {

		MemoryIdFirstDatabase(String name, CursorRegistry cursors) {
			super(name, cursors);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new MemoryIdFirstCollection(this, collectionName, options, this.cursorRegistry);
		}

	}

	/** A memory collection whose queries with an {@code _id} equality read that one document. */
	static final class MemoryIdFirstCollection extends MemoryCollection implements Scanning {

		private final LongAdder scans = new LongAdder();

		@Override
		public long scans() {
			return this.scans.sum();
		}

		MemoryIdFirstCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
			super(database, name, options, cursors);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			Iterable<Integer> positions = idPositions(query, getIndexes());
			return (positions != null) ? matchDocuments(query, positions, orderBy, skip, limit, batchSize, projection)
					: super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			this.scans.increment();
			return super.matchDocuments(query, orderBy, skip, limit, batchSize, projection);
		}

	}

}
