package org.duban.local;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database whose collections answer a query that names one {@code _id}, or a list of them
 * ({@code $in}), without reading the whole collection.
 *
 * <p>The library uses an index only for a query whose fields are exactly the index's: {@code {_id: x}} is a
 * lookup, but {@code {_id: x, version: 3}} — every guarded update of the platform's {@code AggregateWriter} — and
 * {@code {$and: [{_id: x}, …]}} — the outbox relay's claim and release of a document — read every document of the
 * collection, so each event cost time in proportion to the data already stored (issue #18). MongoDB answers those
 * with its {@code _id} index. Here the same: the H2 collection keeps each document under its {@code _id}, so the
 * one candidate is read by its key and the whole query is then matched against it as before.
 *
 * <p>Likewise the outbox relay's round, which looks for documents holding {@code outboxSince} (a sparse index in
 * MongoDB): each collection keeps the set of those documents and such a query reads them only. Any other query goes
 * the library's way.
 */
final class IdPinnedH2Database extends H2Database {

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

    IdPinnedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /** As {@link H2Database} opens a collection (the same two maps), as an {@link IdPinnedCollection}. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
        MVStore store = store();
        String namespace = getFullCollectionNamespace(name);
        return new IdPinnedCollection(this, name, options, store.openMap("databases." + namespace),
                store.openMap("meta." + namespace), cursorRegistry);
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

    private static final class IdPinnedCollection extends H2Collection {

        /**
         * The positions of the documents holding {@code outboxSince}, the field of the outbox relay's sparse index
         * (which the library ignores, as every non-unique index): kept on every add, update and remove, never
         * missing one, so that a query that needs the field reads those documents only.
         */
        private static final String SPARSE_FIELD = "outboxSince";
        private final Set<Object> withSparseField = ConcurrentHashMap.newKeySet();

        IdPinnedCollection(IdPinnedH2Database database, String name, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
            streamAllDocumentsWithPosition().forEach(stored -> {
                if (stored.getDocument().containsKey(SPARSE_FIELD)) {
                    withSparseField.add(stored.getPosition());
                }
            });
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            if (document.containsKey(SPARSE_FIELD)) {
                withSparseField.add(position);
            }
            return position;
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            if (newDocument.containsKey(SPARSE_FIELD)) {
                withSparseField.add(position);
            }
            super.handleUpdate(position, oldDocument, newDocument);
            if (!newDocument.containsKey(SPARSE_FIELD)) {
                withSparseField.remove(position);
            }
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            withSparseField.remove(position);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            String id = pinnedId(query, getIdField());
            if (id != null) {
                // a document is stored under its _id: the only one that can match is there, or none is
                List<Object> candidates = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<String> ids = pinnedIds(query, getIdField());
            if (ids != null) {
                // the outbox relay's batch: {_id: {$in: [...]}}, each candidate read by its key
                List<Object> candidates = ids.stream().distinct().filter(each -> getDocument(each) != null)
                        .map(Object.class::cast).toList();
                return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            if (needsField(query, SPARSE_FIELD)) {
                return matchDocuments(query, List.copyOf(withSparseField), orderBy, skip, limit, batchSize,
                        fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }

    /**
     * The {@code _id}s a query pins with {@code {_id: {$in: [...]}}} of strings, at its top level or in one of its
     * top-level {@code $and}s, or null.
     */
    static List<String> pinnedIds(Document query, String idField) {
        if (idField == null) {
            return null;
        }
        if (query.get(idField) instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(String.class::isInstance)) {
            return values.stream().map(String.class::cast).toList();
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document) {
                    List<String> ids = pinnedIds(document, idField);
                    if (ids != null) {
                        return ids;
                    }
                }
            }
        }
        return null;
    }

    /** Whether only documents holding {@code field} can match: {@code {field: {$exists: true}}}, at the top or in an $and. */
    static boolean needsField(Document query, String field) {
        if (query.get(field) instanceof Document condition && Boolean.TRUE.equals(condition.get("$exists"))
                && condition.size() == 1) {
            return true;
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document && needsField(document, field)) {
                    return true;
                }
            }
        }
        return false;
    }
}
