package org.duban.local;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * mongo-java-server's H2 database whose collections answer a query from the indexes the services declared, as
 * MongoDB does, instead of reading the whole collection.
 *
 * <p>The library keeps no structure for a non-unique index (it records it and ignores it) and uses a unique one
 * only for a query whose fields are exactly the index's: every other query read every document of its collection,
 * so each one cost time in proportion to the data already stored (issue #18). Here each collection keeps, for the
 * first field of each index declared on it (unique or not, {@code _id} aside), the documents by that field's value
 * ({@link FieldIndex}), built from one read of the collection when it is first used after the store opens or an
 * index is added, and kept on every add, update and remove. A query naming such a field — at its top level or in
 * a top-level {@code $and}, by equality, {@code $in}, a range or {@code $exists: true} — is matched against the
 * documents that can match only; a query pinning a string {@code _id} (MongoDB's {@code _id} index) against that
 * one document, read by its key. The candidates are handed to the library in the order of a full read (the order
 * of their keys), and the library matches, sorts, skips and limits them as it would have the whole collection: the
 * answer is the same document for document and in the same order. Any other query goes the library's way.
 */
final class IndexedH2Database extends H2Database {

    /**
     * {@link H2Database}'s own store: it opens the collections it finds from its constructor, before a subclass's
     * fields are set, so the store is read from the field it set first (mongo-java-server 1.47).
     */
    private static final Field STORE;

    static {
        try {
            STORE = H2Database.class.getDeclaredField("mvStore");
            STORE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Queries answered from a {@link FieldIndex}, in this process: for tests, which check that they are used. */
    private static final LongAdder ANSWERED_FROM_INDEXES = new LongAdder();

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /** As {@link H2Database} opens a collection (the same two maps), as an {@link IndexedCollection}. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
        MVStore store = store();
        String namespace = getFullCollectionNamespace(name);
        return new IndexedCollection(this, name, options, store.openMap("databases." + namespace),
                store.openMap("meta." + namespace), cursorRegistry);
    }

    /**
     * A non-unique index, as the library has it (an index that answers no query; its collection keeps the
     * structure), except that the library does not read the whole collection to fill it when it is added.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new DeclaredIndex(indexName, keys);
    }

    static long answeredFromIndexes() {
        return ANSWERED_FROM_INDEXES.sum();
    }

    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code _id} a query pins: a string {@code _id} at its top level or in one of its top-level {@code $and}s. */
    static String pinnedId(Document query, String idField) {
        if (idField == null) {
            return null;
        }
        if (query.get(idField) instanceof String id) {
            return id;
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document) {
                    String id = pinnedId(document, idField);
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The conditions a document must meet to match {@code query}: its top-level fields and those of its top-level
     * {@code $and}s (each of which must hold), by field; operators ({@code $or}, {@code $expr}…) are left out.
     */
    static List<Map.Entry<String, Object>> conjuncts(Document query) {
        List<Map.Entry<String, Object>> conditions = new ArrayList<>();
        addConjuncts(query, conditions);
        return conditions;
    }

    private static void addConjuncts(Document query, List<Map.Entry<String, Object>> conditions) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            if (condition.getKey().equals("$and") && condition.getValue() instanceof List<?> all) {
                for (Object one : all) {
                    if (one instanceof Document document) {
                        addConjuncts(document, conditions);
                    }
                }
            } else if (!condition.getKey().startsWith("$")) {
                conditions.add(condition);
            }
        }
    }

    private static final class DeclaredIndex extends EmptyIndex<Object> {

        DeclaredIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false; // nothing to fill: the library need not read every document for it
        }
    }

    private static final class IndexedCollection extends H2Collection {

        /**
         * A query whose candidates are more than this share of the collection is answered by reading it all:
         * as fast, and the same answer.
         */
        private static final int SCAN_ABOVE_ONE_IN = 2;

        private final MVMap<Object, Document> documents;
        /** By field: the structures kept, and those declared but not read yet. */
        private final Map<String, FieldIndex> fieldIndexes = new LinkedHashMap<>();
        private final Map<String, FieldIndex> unread = new LinkedHashMap<>();
        /** A document without an {@code _id} (its key is not its position): the indexes are not used. */
        private boolean positionWithoutKey;

        IndexedCollection(IndexedH2Database database, String name, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
            this.documents = documents;
        }

        @Override
        public synchronized void addIndex(Index<Object> index) {
            super.addIndex(index);
            declaredFieldsChanged();
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
            declaredFieldsChanged();
        }

        /** Keeps a structure for the first field of each index, reading the collection for a new one when used. */
        private void declaredFieldsChanged() {
            Set<String> declared = new LinkedHashSet<>();
            for (Index<Object> index : getIndexes()) {
                String first = index.getKeys().get(0).getKey();
                if (!first.equals(getIdField())) {
                    declared.add(first);
                }
            }
            fieldIndexes.keySet().retainAll(declared);
            unread.keySet().retainAll(declared);
            for (String field : declared) {
                if (!fieldIndexes.containsKey(field) && !unread.containsKey(field)) {
                    unread.put(field, new FieldIndex(field));
                }
            }
        }

        /** Fills the structures not read yet, all from one read of the collection. */
        private void read() {
            if (unread.isEmpty()) {
                return;
            }
            streamAllDocumentsWithPosition().forEach(stored -> {
                Object position = stored.getPosition();
                if (position == null || position instanceof Missing) {
                    positionWithoutKey = true;
                }
                for (FieldIndex index : unread.values()) {
                    index.add(position, stored.getDocument());
                }
            });
            fieldIndexes.putAll(unread);
            unread.clear();
        }

        @Override
        protected synchronized Object addDocumentInternal(Document document) {
            read();
            Object position = super.addDocumentInternal(document);
            if (position == null || position instanceof Missing) {
                positionWithoutKey = true;
            }
            for (FieldIndex index : fieldIndexes.values()) {
                index.add(position, document);
            }
            return position;
        }

        @Override
        protected synchronized void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            read();
            super.handleUpdate(position, oldDocument, newDocument);
            for (FieldIndex index : fieldIndexes.values()) {
                index.remove(position);
                index.add(position, newDocument);
            }
        }

        @Override
        protected synchronized void removeDocument(Object position) {
            read();
            super.removeDocument(position);
            for (FieldIndex index : fieldIndexes.values()) {
                index.remove(position);
            }
        }

        @Override
        protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                int batchSize, Document fieldSelector) {
            String id = pinnedId(query, getIdField());
            if (id != null) {
                // a document is stored under its _id: the only one that can match is there, or none is
                List<Object> candidates = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Object> candidates = idsIn(query, orderBy);
            if (candidates != null) {
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            candidates = indexedCandidates(query, orderBy);
            if (candidates != null) {
                ANSWERED_FROM_INDEXES.increment();
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * The documents a query naming string {@code _id}s ({@code {_id: {$in: [...]}}}, at its top level or in a
         * top-level {@code $and}) can match, each read by its key, in the order of their keys; or {@code null}.
         */
        private List<Object> idsIn(Document query, Document orderBy) {
            if (orderBy != null && orderBy.containsKey("$natural")) {
                return null;
            }
            for (Map.Entry<String, Object> condition : conjuncts(query)) {
                if (condition.getKey().equals(getIdField()) && condition.getValue() instanceof Document operators
                        && operators.size() == 1 && operators.get("$in") instanceof List<?> ids
                        && ids.stream().allMatch(String.class::isInstance)) {
                    DataType<Object> keys = documents.getKeyType();
                    return ids.stream().distinct().filter(documents::containsKey).map(Object.class::cast)
                            .sorted(keys::compare).toList();
                }
            }
            return null;
        }

        /**
         * The documents that can match {@code query}, found from the structure that leaves the fewest, in the
         * order of their keys (a full read's); or {@code null} if none says, or too many are left.
         */
        private List<Object> indexedCandidates(Document query, Document orderBy) {
            if (orderBy != null && orderBy.containsKey("$natural")) {
                return null; // the natural order backwards is the library's own
            }
            read();
            if (positionWithoutKey || fieldIndexes.isEmpty()) {
                return null;
            }
            Set<Object> fewest = null;
            for (Map.Entry<String, Object> condition : conjuncts(query)) {
                FieldIndex index = fieldIndexes.get(condition.getKey());
                Set<Object> candidates = index == null ? null : index.candidates(condition.getValue());
                if (candidates != null && (fewest == null || candidates.size() < fewest.size())) {
                    fewest = candidates;
                }
            }
            if (fewest == null || (long) fewest.size() * SCAN_ABOVE_ONE_IN > documents.sizeAsLong()) {
                return null;
            }
            DataType<Object> keys = documents.getKeyType();
            List<Object> ordered = new ArrayList<>(fewest);
            ordered.sort(keys::compare);
            return ordered;
        }
    }
}
