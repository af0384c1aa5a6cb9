package org.duban.local;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * mongo-java-server's H2 database whose collections answer a query from the indexes the services declared, as
 * MongoDB does, instead of reading the whole collection.
 *
 * <p>The library keeps no structure for a non-unique index (it records it and ignores it) and uses an index only
 * for a query whose fields are exactly the index's: every other query read every document of its collection, so
 * each one cost time in proportion to the data already stored (issue #18). Here:
 * <ul>
 *   <li>a query pinning a string {@code _id} — {@code {_id: x, version: 3}} (every guarded update of the platform's
 *       {@code AggregateWriter}), {@code {$and: [{_id: x}, …]}} (the outbox relay's claim) — is matched against that
 *       one document, read by its key (a document is stored under its {@code _id}); one naming a list of string
 *       {@code _id}s ({@code _id: {$in: [...]}}, the relay's batches) against those documents;</li>
 *   <li>each collection keeps, for the first field of each index declared on it (unique or not, {@code _id} aside)
 *       and for {@code outboxSince} (the relay's sparse index) whether declared or not, the documents by that field's
 *       value ({@link FieldIndex}): a sorted map in the store's own file, kept on every add, update and remove and
 *       committed with the documents, so that it costs no heap beyond the store's page cache and is not rebuilt
 *       when the store opens. A query naming such a field — at its top level or in a top-level {@code $and}, by
 *       equality, {@code $in}, a range or {@code $exists: true} — is matched against the documents that can match
 *       only.</li>
 * </ul>
 * The candidates are handed to the library in the order of a full read (the order of their keys), and the library
 * matches, sorts, skips and limits them as it would have the whole collection: the answer is the same document for
 * document and in the same order. Any other query goes the library's way.
 *
 * <p>A field's map is filled from one read of the collection (all the fields not yet filled together) when the
 * collection is first used after the index is declared — once: a key in the map records that it was filled, in the
 * same commit as its last entries. The library itself no longer reads the collection for a non-unique index when it
 * opens it ({@link DeclaredIndex}): it read every document twice per such index, for nothing.
 */
final class IndexedH2Database extends H2Database {

    /**
     * The maps of the field indexes: {@code $duban.index.<database>.<collection>$<field>} ($ is in no namespace, and
     * no database's name starts with it: the library's drop of a database removes the maps named after it).
     */
    private static final String INDEX_MAPS = "$duban.index.";

    /** The outbox relay's field: its documents are kept apart in every collection, whether it is declared or not. */
    private static final String OUTBOX_FIELD = "outboxSince";

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

    /**
     * The {@code $match} an aggregation on this thread starts with, and its collection (the driver's
     * {@code countDocuments} is such an aggregation): the collection hands that stage the documents that can match
     * instead of all of them ({@link IndexedCollection#queryAllAsStream()}); the stage still matches each.
     */
    private static final ThreadLocal<Map.Entry<String, Document>> AGGREGATION_MATCH = new ThreadLocal<>();

    /** Stages that read other collections (or this one again): such a pipeline is left as the library runs it. */
    private static final Set<String> READING_STAGES = Set.of("$lookup", "$graphLookup", "$unionWith", "$facet");

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
        return new IndexedCollection(this, name, options, openDocuments(store, DOCUMENT_MAPS + namespace),
                store.openMap("meta." + namespace), cursorRegistry, store);
    }

    /** The prefix of the library's document maps: {@code databases.<database>.<collection>}. */
    static final String DOCUMENT_MAPS = "databases.";

    /**
     * A collection's document map, with {@link DocumentValueType}: opened so before the library opens it (here, or
     * when the store opens, {@link DurableH2Backend}), it keeps that type; the library then finds it open.
     */
    static MVMap<Object, Document> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
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

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collection
                && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.size() == 1
                && first.get("$match") instanceof Document match
                && pipeline.stream().noneMatch(stage -> stage instanceof Document each
                        && each.keySet().stream().anyMatch(READING_STAGES::contains))) {
            AGGREGATION_MATCH.set(Map.entry(collection, match));
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            } finally {
                AGGREGATION_MATCH.remove();
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        removeIndexMaps(INDEX_MAPS + getFullCollectionNamespace(collectionName) + "$");
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        removeIndexMaps(INDEX_MAPS + getDatabaseName() + ".");
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String from = INDEX_MAPS + collection.getFullName() + "$";
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String to = INDEX_MAPS + getFullCollectionNamespace(newCollectionName) + "$";
        MVStore store = store();
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(from)) {
                store.renameMap(store.<String, Object>openMap(name), to + name.substring(from.length()));
            }
        }
    }

    private void removeIndexMaps(String prefix) {
        MVStore store = store();
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(prefix)) {
                store.removeMap(name);
            }
        }
    }

    /** Where the store's version at a clean close is kept (its name is outside {@link #INDEX_MAPS}). */
    private static final String CLOSED_AT = "$duban.indexes-closed-at";
    private static final String VERSION = "version";

    /** Field index maps filled from a read of their collection, in this process: for tests. */
    private static final LongAdder FILLED = new LongAdder();

    /**
     * Before the databases open: trusts the field index maps only if nothing wrote to the file since this store
     * last closed it cleanly ({@link #stampClose}); otherwise they are filled again from the documents when each
     * collection is first used. A store killed half-way leaves its maps whole (they are committed with the
     * documents), but an older local-infra, which knows no maps, may have written documents since: this is how
     * that is noticed. Closing cleanly writes the store's version; opening it again without a write in between
     * finds the version just after it (the close's own commit).
     */
    static MVStore trustIndexesOrRefill(MVStore store) {
        MVMap<String, Long> closedAt = store.openMap(CLOSED_AT);
        Long stamped = closedAt.get(VERSION);
        if (stamped == null || store.getCurrentVersion() != stamped + 1) {
            for (String name : List.copyOf(store.getMapNames())) {
                if (name.startsWith(INDEX_MAPS)) {
                    FieldIndex.forgetFilled(store.openMap(name));
                }
            }
        }
        closedAt.remove(VERSION); // a later crash, or another program, must not find it
        return store;
    }

    /** As the store closes cleanly: its version, which the next open compares ({@link #trustIndexesOrRefill}). */
    static void stampClose(MVStore store) {
        if (!store.isClosed() && !store.isReadOnly()) {
            store.<String, Long>openMap(CLOSED_AT).put(VERSION, store.getCurrentVersion());
        }
    }

    static long filled() {
        return FILLED.sum();
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
        private final MVStore store;
        /** By field: the indexes kept, each filled or waiting to be ({@link #fill()}). */
        private final Map<String, FieldIndex> fieldIndexes = new LinkedHashMap<>();
        /** Whether an update of this collection runs (in this collection's monitor): its queries answer copies. */
        private boolean updating;

        IndexedCollection(IndexedH2Database database, String name, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                MVStore store) {
            super(database, name, options, documents, meta, cursors);
            this.documents = documents;
            this.store = store;
            declaredFieldsChanged();
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

        private String mapName(String field) {
            return INDEX_MAPS + getFullName() + "$" + field;
        }

        /** Keeps a map for the first field of each index (and outboxSince), dropping those no longer declared. */
        private void declaredFieldsChanged() {
            if (getIdField() == null) {
                return; // the library then makes up each position itself: no index knows it beforehand
            }
            Set<String> declared = new LinkedHashSet<>();
            declared.add(OUTBOX_FIELD);
            for (Index<Object> index : getIndexes()) {
                String first = index.getKeys().get(0).getKey();
                if (!first.equals(getIdField())) {
                    declared.add(first);
                }
            }
            for (String field : List.copyOf(fieldIndexes.keySet())) {
                if (!declared.contains(field)) {
                    store.removeMap(fieldIndexes.remove(field).map());
                }
            }
            for (String field : declared) {
                fieldIndexes.computeIfAbsent(field,
                        each -> new FieldIndex(each, store.<String, Object>openMap(mapName(each))));
            }
        }

        /** Fills the indexes not filled yet, all from one read of the collection. */
        private void fill() {
            List<FieldIndex> unfilled = fieldIndexes.values().stream().filter(index -> !index.isBuilt()).toList();
            if (unfilled.isEmpty()) {
                return;
            }
            unfilled.forEach(FieldIndex::clear);
            streamAllDocumentsWithPosition().forEach(stored -> {
                for (FieldIndex index : unfilled) {
                    index.add(stored.getPosition(), stored.getDocument());
                }
            });
            unfilled.forEach(FieldIndex::markBuilt);
            FILLED.add(unfilled.size());
        }

        @Override
        protected synchronized Object addDocumentInternal(Document document) {
            fill();
            if (fieldIndexes.isEmpty()) {
                return super.addDocumentInternal(document);
            }
            // the entries first: a version of the file committed in between holds a superset, never less
            Object position = Utils.getSubdocumentValue(document, getIdField());
            for (FieldIndex index : fieldIndexes.values()) {
                index.add(position, document);
            }
            Object stored = super.addDocumentInternal(document);
            if (!Objects.equals(stored, position)) {
                throw new IllegalStateException("document stored at " + stored + ", indexed at " + position);
            }
            return stored;
        }

        /**
         * As the library updates, except that the documents it changes are copies of the stored ones: the library
         * changes the document a query found in place, then stores it again, so the stored document — the one a
         * commit may be writing ({@link DurableH2Backend}), or a query's answer still being sent — changed under
         * them. Here a stored document never changes: an update stores a new one in its place.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                boolean multi, boolean upsert, Oplog oplog) {
            return onCopies(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
        }

        /** As the library finds and modifies, on a copy of the stored document ({@link #updateDocuments}). */
        @Override
        public synchronized Document findAndModify(Document query) {
            return onCopies(() -> super.findAndModify(query));
        }

        /** Runs an update of the library's whose queries answer copies ({@link #queryDocuments}). */
        private Document onCopies(Supplier<Document> update) {
            updating = true;
            try {
                return update.get();
            } finally {
                updating = false;
            }
        }

        @Override
        protected synchronized void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            fill();
            for (FieldIndex index : fieldIndexes.values()) {
                index.beforeUpdate(position, oldDocument, newDocument);
            }
            super.handleUpdate(position, oldDocument, newDocument);
            for (FieldIndex index : fieldIndexes.values()) {
                index.afterUpdate(position, oldDocument, newDocument);
            }
        }

        @Override
        protected synchronized void removeDocument(Object position) {
            fill();
            Document removed = fieldIndexes.isEmpty() ? null : getDocument(position);
            super.removeDocument(position);
            if (removed != null) {
                for (FieldIndex index : fieldIndexes.values()) {
                    index.remove(position, removed);
                }
            }
        }

        /**
         * All the documents, unless an aggregation starting with a {@code $match} asks ({@link #AGGREGATION_MATCH},
         * taken once): then the documents that can match it, in a full read's order, which the stage then matches.
         */
        @Override
        public Stream<Document> queryAllAsStream() {
            Map.Entry<String, Document> aggregation = AGGREGATION_MATCH.get();
            if (aggregation != null && aggregation.getKey().equals(getCollectionName())) {
                AGGREGATION_MATCH.remove();
                List<Document> found = candidateDocuments(aggregation.getValue());
                if (found != null) {
                    return found.stream();
                }
            }
            return StreamSupport.stream(queryAll().spliterator(), false);
        }

        private synchronized List<Document> candidateDocuments(Document query) {
            String id = pinnedId(query, getIdField());
            List<Object> candidates = id != null ? List.of(id) : idsIn(query, null);
            if (candidates == null) {
                candidates = indexedCandidates(query, null);
                if (candidates == null) {
                    return null;
                }
                ANSWERED_FROM_INDEXES.increment();
            }
            return candidates.stream().map(this::getDocument).filter(Objects::nonNull).toList();
        }

        @Override
        protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                int batchSize, Document fieldSelector) {
            QueryResult found = findDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            if (!updating) {
                return found;
            }
            List<Document> copies = new ArrayList<>();
            found.forEach(document -> copies.add(document.cloneDeeply()));
            return new QueryResult(copies, found.getCursorId());
        }

        private QueryResult findDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            String id = pinnedId(query, getIdField());
            if (id != null) {
                // a document is stored under its _id: the only one that can match is there, or none is
                return matchCandidates(query, List.of(id), orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Object> candidates = idsIn(query, orderBy);
            if (candidates != null) {
                return matchCandidates(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            candidates = indexedCandidates(query, orderBy);
            if (candidates != null) {
                ANSWERED_FROM_INDEXES.increment();
                return matchCandidates(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * Matches the documents at {@code positions} as the library matches a whole collection; a position with no
         * document (an index entry whose document was removed in the same write, in a version committed half-way,
         * or a pinned id no document has) is passed over.
         */
        private QueryResult matchCandidates(Document query, List<Object> positions, Document orderBy, int skip,
                int limit, int batchSize, Document fieldSelector) {
            return matchDocumentsFromStream(positions.stream().map(this::getDocument).filter(Objects::nonNull),
                    query, orderBy, skip, limit, batchSize, fieldSelector);
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
                        && operators.size() == 1 && operators.get("$in") instanceof Collection<?> ids
                        && ids.stream().allMatch(String.class::isInstance)) {
                    DataType<Object> keys = documents.getKeyType();
                    return ids.stream().distinct().map(Object.class::cast).sorted(keys::compare).toList();
                }
            }
            return null;
        }

        /**
         * The documents that can match {@code query}, found from the index that leaves the fewest, in the order of
         * their keys (a full read's); or {@code null} if none says, or too many are left.
         */
        private List<Object> indexedCandidates(Document query, Document orderBy) {
            if (orderBy != null && orderBy.containsKey("$natural")) {
                return null; // the natural order backwards is the library's own
            }
            if (fieldIndexes.isEmpty()) {
                return null;
            }
            fill();
            // the index whose ranges hold the fewest entries, counted from the maps' pages without reading an entry
            FieldIndex best = null;
            List<String[]> bestRanges = null;
            long fewest = documents.sizeAsLong() / SCAN_ABOVE_ONE_IN;
            for (Map.Entry<String, Object> condition : conjuncts(query)) {
                FieldIndex index = fieldIndexes.get(condition.getKey());
                List<String[]> ranges = index == null ? null : index.ranges(condition.getValue());
                if (ranges != null) {
                    long count = index.count(ranges);
                    if (count <= fewest) {
                        best = index;
                        bestRanges = ranges;
                        fewest = count;
                    }
                }
            }
            if (best == null) {
                return null;
            }
            Set<Object> candidates = best.positions(bestRanges);
            DataType<Object> keys = documents.getKeyType();
            List<Object> ordered = new ArrayList<>(candidates);
            ordered.sort(keys::compare);
            return ordered;
        }
    }
}
