package org.otklik.storage;

import java.util.List;
import java.util.Objects;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * The embedded server's oplog, without the inserts that did not happen.
 *
 * <p>mongo-java-server records every document of an insert command in its oplog, also those its unique
 * index refused. A repeated ingest (same channel and external id) therefore showed up on the change stream as
 * a new appeal that was never stored: subscribers received {@code RECEIVED} for a ghost. Real MongoDB writes
 * an oplog entry only for a stored document; this wrapper makes the embedded server do the same by keeping
 * only the documents that are in the collection, as inserted, when the command's insert step returns.
 */
final class StoredInsertsOplog implements Oplog {

	private final AbstractMongoBackend backend;

	private final Oplog delegate;

	private final Runnable afterWrite;

	/** {@code afterWrite} runs after each oplog write (it wakes waiting change streams, see {@link AwaitData}). */
	StoredInsertsOplog(AbstractMongoBackend backend, Oplog delegate, Runnable afterWrite) {
		this.backend = backend;
		this.delegate = delegate;
		this.afterWrite = afterWrite;
	}

	@Override
	public void handleInsert(String namespace, List<Document> documents) {
		int dot = namespace.indexOf('.');
		MongoCollection<?> collection = this.backend.resolveDatabase(namespace.substring(0, dot))
			.resolveCollection(namespace.substring(dot + 1), false);
		List<Document> stored = documents.stream().filter(document -> isStored(collection, document)).toList();
		if (!stored.isEmpty()) {
			this.delegate.handleInsert(namespace, stored);
			this.afterWrite.run();
		}
	}

	private static boolean isStored(MongoCollection<?> collection, Document document) {
		Object id = document.get("_id");
		if (collection == null || id == null) {
			return true; // nothing to check against: keep the server's own behaviour
		}
		for (Document found : collection.handleQuery(new Document("_id", id), 0, 1)) {
			// A refused document can share only its _id with a stored one by a client's mistake; compare it whole.
			return Objects.equals(found, document);
		}
		return false;
	}

	@Override
	public void handleUpdate(String namespace, Document selector, Document query, List<Object> modifiedIds) {
		this.delegate.handleUpdate(namespace, selector, query, modifiedIds);
		if (!modifiedIds.isEmpty()) {
			this.afterWrite.run();
		}
	}

	@Override
	public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
		this.delegate.handleDelete(namespace, query, deletedIds);
		if (!deletedIds.isEmpty()) {
			this.afterWrite.run();
		}
	}

	@Override
	public void handleDropCollection(String namespace) {
		this.delegate.handleDropCollection(namespace);
		this.afterWrite.run();
	}

	@Override
	public Cursor createCursor(Document changeStreamDocument, String namespace, Aggregation aggregation) {
		return this.delegate.createCursor(changeStreamDocument, namespace, aggregation);
	}

}
