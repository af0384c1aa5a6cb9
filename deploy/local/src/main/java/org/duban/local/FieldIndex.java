package org.duban.local;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The documents of one collection by the value of one field: the first field of an index a service declared,
 * which mongo-java-server keeps no structure for (it ignores non-unique indexes, and uses a unique one only for a
 * query naming exactly its fields).
 *
 * <p>It answers which documents <em>can</em> match a condition on the field — equality, {@code $in}, a range,
 * {@code $exists: true} — always a superset of those that do: the query is then matched against those candidates
 * by the library's own matcher, so the answer is the library's. It follows the matcher's rules: equality compares
 * values as {@code Utils.nullAwareEquals} does (numbers as doubles, {@code null} equal to a missing field), a range
 * holds only values of the bound's type (every number is one type) ordered by {@link ValueComparator}. A document
 * whose value it does not reason about — an array (the matcher then looks into its elements), an embedded
 * document, a value of another type, a path through something that is not a document — is a candidate for every
 * condition.
 *
 * <p>Not thread-safe: its collection uses it under its own lock.
 */
final class FieldIndex {

    /** The equality key of {@code null}. */
    private static final Object NULL = new Key("null");
    /** The equality key of a missing field: equal to {@code null} for equality, not there for {@code $exists}. */
    private static final Object MISSING = new Key("missing");
    /** How a document the index does not reason about is remembered. */
    private static final Object ALWAYS = new Key("always");

    private final String[] path;
    /**
     * The value each document is indexed by, by its position: to take it out again whatever its stored state is
     * by then.
     */
    private final Map<Object, Object> indexed = new HashMap<>();
    /** The positions by equality key; a bucket is one position or a set of them (most values are one document's). */
    private final Map<Object, Object> byValue = new HashMap<>();
    /** Per type (every number one type), the positions by value in the matcher's order; buckets as above. */
    private final Map<Class<?>, NavigableMap<Object, Object>> byOrder = new HashMap<>();
    /** The documents that are candidates for every condition. */
    private final Set<Object> always = new HashSet<>();
    private int missing;

    FieldIndex(String field) {
        this.path = field.split("\\.", -1);
    }

    void add(Object position, Document document) {
        Object value = indexedValue(document);
        indexed.put(position, value);
        if (value == ALWAYS) {
            always.add(position);
            return;
        }
        Object key = equalityKey(value);
        if (key == MISSING) {
            missing++;
        }
        addTo(byValue, key, position);
        Class<?> type = orderType(value);
        if (type != null) {
            addTo(byOrder.computeIfAbsent(type, t -> new TreeMap<>(ValueComparator.asc())), value, position);
        }
    }

    void remove(Object position) {
        if (!indexed.containsKey(position)) {
            return;
        }
        Object value = indexed.remove(position);
        if (value == ALWAYS) {
            always.remove(position);
            return;
        }
        Object key = equalityKey(value);
        if (key == MISSING) {
            missing--;
        }
        removeFrom(byValue, key, position);
        Class<?> type = orderType(value);
        if (type != null) {
            removeFrom(byOrder.get(type), value, position);
        }
    }

    private static void addTo(Map<Object, Object> buckets, Object key, Object position) {
        buckets.merge(key, position, (bucket, one) -> {
            if (bucket instanceof Bucket positions) {
                positions.add(one);
                return positions;
            }
            Bucket positions = new Bucket();
            positions.add(bucket);
            positions.add(one);
            return positions;
        });
    }

    private static void removeFrom(Map<Object, Object> buckets, Object key, Object position) {
        Object bucket = buckets.get(key);
        if (bucket instanceof Bucket positions) {
            positions.remove(position);
            if (positions.size() == 1) {
                buckets.put(key, positions.iterator().next());
            }
        } else if (bucket != null && bucket.equals(position)) {
            buckets.remove(key);
        }
    }

    private static void addAll(Set<Object> candidates, Object bucket) {
        if (bucket instanceof Bucket positions) {
            candidates.addAll(positions);
        } else if (bucket != null) {
            candidates.add(bucket);
        }
    }

    /**
     * The positions of the documents that can match {@code condition} (the value the query gives this field), or
     * {@code null} if it does not say (every document can).
     */
    Set<Object> candidates(Object condition) {
        if (isEqualityValue(condition)) {
            return equalTo(List.of(Missing.ofNullable(condition)));
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        Object lower = null;
        Object upper = null;
        boolean exists = false;
        List<Object> equalities = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object value = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> {
                    if (!isEqualityValue(value)) {
                        return null;
                    }
                    equalities = List.of(Missing.ofNullable(value));
                }
                case "$in" -> {
                    if (!(value instanceof Collection<?> values) || !values.stream().allMatch(FieldIndex::isEqualityValue)) {
                        return null;
                    }
                    if (equalities == null) {
                        equalities = values.stream().map(Missing::ofNullable).toList();
                    }
                }
                case "$gt", "$gte" -> {
                    if (orderType(value) == null) {
                        return null;
                    }
                    lower = value;
                }
                case "$lt", "$lte" -> {
                    if (orderType(value) == null) {
                        return null;
                    }
                    upper = value;
                }
                case "$exists" -> exists |= Boolean.TRUE.equals(value);
                case "$ne", "$nin" -> {
                    // only narrows further, checked by the matcher
                }
                default -> {
                    // $regex, $not, $elemMatch, $type…: other rules than these; the scan answers
                    return null;
                }
            }
        }
        if (equalities != null) {
            return equalTo(equalities);
        }
        if (lower != null || upper != null) {
            return between(lower, upper);
        }
        if (exists) {
            return holding();
        }
        return null;
    }

    /** The documents holding the field ({@code null} included), or null if they are more than half. */
    private Set<Object> holding() {
        if ((indexed.size() - missing) * 2L > indexed.size()) {
            return null;
        }
        Set<Object> candidates = new HashSet<>(always);
        byValue.forEach((key, bucket) -> {
            if (key != MISSING) {
                addAll(candidates, bucket);
            }
        });
        return candidates;
    }

    private Set<Object> equalTo(List<Object> values) {
        Set<Object> candidates = new HashSet<>(always);
        for (Object value : values) {
            Object key = equalityKey(value);
            if (key == NULL || key == MISSING) {
                // {field: null} matches a document without the field too
                addAll(candidates, byValue.get(NULL));
                addAll(candidates, byValue.get(MISSING));
            } else {
                addAll(candidates, byValue.get(key));
            }
        }
        return candidates;
    }

    /** Both bounds inclusive (a superset of the strict ones); only the values of the bounds' type can match. */
    private Set<Object> between(Object lower, Object upper) {
        Set<Object> candidates = new HashSet<>(always);
        Class<?> type = orderType(lower != null ? lower : upper);
        if (lower != null && upper != null && orderType(upper) != type) {
            return candidates; // no value is of both types
        }
        NavigableMap<Object, Object> ordered = byOrder.get(type);
        if (ordered == null) {
            return candidates;
        }
        if (lower != null && upper != null) {
            if (ValueComparator.asc().compare(lower, upper) > 0) {
                return candidates;
            }
            ordered = ordered.subMap(lower, true, upper, true);
        } else if (lower != null) {
            ordered = ordered.tailMap(lower, true);
        } else {
            ordered = ordered.headMap(upper, true);
        }
        ordered.values().forEach(bucket -> addAll(candidates, bucket));
        return candidates;
    }

    /** The field's value in {@code document}: a scalar, null, {@link Missing}, or {@link #ALWAYS}. */
    private Object indexedValue(Document document) {
        Object current = document;
        for (String segment : path) {
            if (!(current instanceof Document parent)) {
                return ALWAYS; // an array (or a scalar) on the way: the matcher's rules are the array's
            }
            current = parent.containsKey(segment) ? parent.get(segment) : Missing.getInstance();
            if (current instanceof Missing) {
                return current;
            }
        }
        return isEqualityValue(current) ? current : ALWAYS;
    }

    /** The scalars whose equality this index reasons about (with {@code null}). */
    private static boolean isEqualityValue(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant || value instanceof Date || value instanceof ObjectId
                || value instanceof UUID;
    }

    /** As {@code Utils.normalizeValue}: numbers compare as doubles (a long a double cannot hold as itself). */
    private static Object equalityKey(Object value) {
        if (value instanceof Missing) {
            return MISSING;
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof Long number && number != (long) number.doubleValue()) {
            return number;
        }
        if (value instanceof Number number) {
            double normalized = number.doubleValue();
            return normalized == -0.0d ? 0.0d : normalized;
        }
        return value;
    }

    /** The type a range compares within ({@code DefaultQueryMatcher.comparableTypes}), or null if not indexed. */
    private static Class<?> orderType(Object value) {
        if (value instanceof Number) {
            return Number.class;
        }
        if (value instanceof String || value instanceof Instant || value instanceof Date || value instanceof Boolean
                || value instanceof ObjectId) {
            return value.getClass();
        }
        return null;
    }

    /** A marker key. */
    private record Key(String name) {
    }

    /** Positions sharing a value. */
    private static final class Bucket extends HashSet<Object> {
    }
}
