package org.otklik.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Checks, before the embedded server answers anyone, that every unique index of the H2 store agrees with the
 * documents: each document is findable through each unique index by its key (through {@code _id_}: by its
 * id, else it is a <em>ghost</em>, listed by a scan but never found), no index entry points at a missing or
 * different document, and no two documents share a unique key (for appeals: {@code (channel, externalId)}).
 * <p>
 * Index entries are derived data, so an index that disagrees with unique documents is rebuilt from them:
 * safe, and logged. Two documents with one unique key cannot be repaired without choosing which one is
 * the appeal, so the application refuses to start and says which documents they are. The oplog is not
 * checked (see {@link #check}).
 */
final class StoreIntegrity {

	private static final String DATA_PREFIX = "databases.";

	private static final String LOCAL = "local";

	private final MVStore store;

	private final AbstractMongoBackend backend;

	StoreIntegrity(MVStore store, AbstractMongoBackend backend) {
		this.store = store;
		this.backend = backend;
	}

	/** What a check found and did: indexes it rebuilt, and problems it could not repair. */
	record Report(List<String> repaired, List<String> unrepairable) {

		boolean clean() {
			return this.repaired.isEmpty() && this.unrepairable.isEmpty();
		}

	}

	/**
	 * Checks every unique index of every collection; with {@code repair}, rebuilds those that disagree with
	 * their collection's documents, unless the documents themselves break the index (then nothing of that
	 * index is touched).
	 */
	Report check(boolean repair) {
		List<String> repaired = new ArrayList<>();
		List<String> unrepairable = new ArrayList<>();
		for (String mapName : this.store.getMapNames()) {
			if (!mapName.startsWith(DATA_PREFIX)) {
				continue;
			}
			String namespace = mapName.substring(DATA_PREFIX.length());
			int dot = namespace.indexOf('.');
			String database = namespace.substring(0, dot);
			String collectionName = namespace.substring(dot + 1);
			// The oplog (database "local") only feeds change streams and grows with every write (about 1.5 GB per
			// 100k inserts): reading it all at each start would cost more than its _id index is worth checking.
			if (collectionName.startsWith("system.") || LOCAL.equals(database)) {
				continue;
			}
			MongoDatabase db = this.backend.resolveDatabase(database);
			MongoCollection<?> collection = db.resolveCollection(collectionName, false);
			if (!(collection instanceof AbstractMongoCollection<?> mongoCollection)) {
				continue;
			}
			MVMap<Object, Document> documents = this.store.openMap(mapName);
			for (Index<?> index : mongoCollection.getIndexes()) {
				if (index.isUnique()) {
					checkIndex(namespace, documents, index, repair, repaired, unrepairable);
				}
			}
		}
		return new Report(List.copyOf(repaired), List.copyOf(unrepairable));
	}

	private void checkIndex(String namespace, MVMap<Object, Document> documents, Index<?> index, boolean repair,
			List<String> repaired, List<String> unrepairable) {
		Document description = index.toIndexDescription();
		Set<String> keys = ((Document) description.get("key")).keySet();
		boolean sparse = Boolean.TRUE.equals(description.get("sparse"));
		String where = namespace + " index " + index.getName() + " " + keys;

		// What the index must hold, derived from the documents.
		Map<KeyValue, Object> expected = new HashMap<>();
		List<String> duplicates = new ArrayList<>();
		for (Map.Entry<Object, Document> entry : documents.entrySet()) {
			Document document = entry.getValue();
			if (sparse && keys.stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing)) {
				continue;
			}
			for (KeyValue key : index.getKeyValues(document)) {
				Object other = expected.putIfAbsent(key, entry.getKey());
				if (other != null && !other.equals(entry.getKey())) {
					duplicates.add(describe(keys, key) + " is held by documents " + other + " and " + entry.getKey());
				}
			}
		}
		if (!duplicates.isEmpty()) {
			unrepairable.add(where + ": " + duplicates.size() + " duplicate key(s), e.g. "
					+ String.join("; ", duplicates.subList(0, Math.min(5, duplicates.size()))));
			return;
		}

		MVMap<KeyValue, Object> entries = this.store.openMap(namespace + "._index_" + index.getName());
		int missing = 0;
		for (Map.Entry<KeyValue, Object> entry : expected.entrySet()) {
			if (!entry.getValue().equals(entries.get(entry.getKey()))) {
				missing++;
			}
		}
		int dangling = 0;
		for (Map.Entry<KeyValue, Object> entry : entries.entrySet()) {
			if (!entry.getValue().equals(expected.get(entry.getKey()))) {
				dangling++;
			}
		}
		if (missing == 0 && dangling == 0) {
			return;
		}
		String problem = where + ": " + missing + " document(s) not findable by their key"
				+ (index.getName().equals("_id_") ? " (ghosts)" : "") + ", " + dangling
				+ " entr(y/ies) pointing at no such document";
		if (!repair) {
			unrepairable.add(problem);
			return;
		}
		entries.clear();
		entries.putAll(expected);
		repaired.add(problem + "; rebuilt from the " + documents.size() + " documents");
	}

	/** {@code (channel=VK, externalId=123)} rather than the key's own {@code { : "VK", : "123" }}. */
	private static String describe(Set<String> keys, KeyValue key) {
		List<String> parts = new ArrayList<>();
		java.util.Iterator<Object> values = key.iterator();
		for (String name : keys) {
			parts.add(name + "=" + (values.hasNext() ? values.next() : "?"));
		}
		return "(" + String.join(", ", parts) + ")";
	}

}
