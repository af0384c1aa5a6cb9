package org.duban.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The documents of one collection by the value of one field — the first field of an index a service declared,
 * which mongo-java-server keeps no structure for (it ignores non-unique indexes, and uses a unique one only for a
 * query naming exactly its fields) — kept in the store's own file, next to the documents.
 *
 * <p>One sorted map per field, in the store's MVStore: one entry per document holding the field, its key the
 * document's value encoded so that the keys sort as the library's matcher orders the values (numbers as doubles,
 * strings as {@link String#compareTo}, instants by time), followed by the document's position (its {@code _id}); the
 * entry's value is the position. Nothing of it is held on the heap beyond the store's bounded page cache, and it is
 * not rebuilt when the store opens: the store commits it with the documents, in the same versions of its file.
 *
 * <p>It answers which documents <em>can</em> match a condition on the field — equality, {@code $in}, a range,
 * {@code $exists: true} — always a superset of those that do: the query is then matched against those candidates
 * by the library's own matcher, so the answer is the library's. A document whose value it does not reason about —
 * an array (the matcher then looks into its elements), an embedded document, a value of another type, a number
 * a double cannot hold, a path through something that is not a document — is kept under an "always" key, a
 * candidate for every condition. A document without the field has no entry: a condition that a missing field can
 * meet ({@code null}, {@code $in} with {@code null}) is not answered here (the caller reads the collection).
 *
 * <p>Its collection changes it under its own lock, in an order that leaves the entries a superset of the documents'
 * values at every moment (even in a version of the file committed half-way through a write): new entries are added
 * before the document is stored, old ones taken out after.
 */
final class FieldIndex {

    /** The key that says the map holds every document of the collection (written last when it is filled). */
    private static final String BUILT = "!";
    /** Ends an encoded value: below every character of an encoded value (a string's {@code \0} is escaped). */
    private static final String END = "\0\0";
    /** Just above {@link #END}: the exclusive upper end of the keys of one value. */
    private static final String AFTER_END = "\0\1";

    private static final char ALWAYS = 'A';
    private static final char BOOLEAN = 'B';
    private static final char NUMBER = 'D';
    private static final char INSTANT = 'I';
    private static final char NULL = 'N';
    private static final char OBJECT_ID = 'O';
    private static final char STRING = 'S';
    private static final char DATE = 'T';
    private static final char UUID_TAG = 'U';
    /** Above every tag: the end of all entries. */
    private static final String LAST = "~";

    private static final HexFormat HEX = HexFormat.of();

    private final String[] path;
    private final MVMap<String, Object> entries;

    FieldIndex(String field, MVMap<String, Object> entries) {
        this.path = field.split("\\.", -1);
        this.entries = entries;
    }

    MVMap<String, Object> map() {
        return entries;
    }

    /** Whether it holds every document of its collection (it was filled in full, or kept since it was empty). */
    boolean isBuilt() {
        return entries.containsKey(BUILT);
    }

    /** Forgets every entry (the start of filling it again). */
    void clear() {
        entries.clear();
    }

    /** Makes the map in {@code entries} be filled again when next used (its entries may be out of date). */
    static void forgetFilled(MVMap<String, Object> entries) {
        entries.remove(BUILT);
    }

    /** Records that it holds every document: what it was filled with, and every write since. */
    void markBuilt() {
        entries.put(BUILT, Boolean.TRUE);
    }

    void add(Object position, Document document) {
        String value = valueKey(document);
        if (value != null) {
            entries.put(value + positionKey(position), position);
        }
    }

    void remove(Object position, Document document) {
        String value = valueKey(document);
        if (value != null) {
            entries.remove(value + positionKey(position));
        }
    }

    /** Before the new document is stored: its entry, unless it is the old one's. */
    void beforeUpdate(Object position, Document oldDocument, Document newDocument) {
        String before = valueKey(oldDocument);
        String after = valueKey(newDocument);
        if (after != null && !after.equals(before)) {
            entries.put(after + positionKey(position), position);
        }
    }

    /** After the new document is stored: the old one's entry, unless it is the new one's. */
    void afterUpdate(Object position, Document oldDocument, Document newDocument) {
        String before = valueKey(oldDocument);
        String after = valueKey(newDocument);
        if (before != null && !before.equals(after)) {
            entries.remove(before + positionKey(position));
        }
    }

    /**
     * The key ranges, each {@code [from, to)}, of the documents that can match {@code condition} (the value the
     * query gives this field); or {@code null} if this index does not say (every document can).
     */
    List<String[]> ranges(Object condition) {
        if (isEqualityValue(condition)) {
            return equalTo(Collections.singletonList(condition));
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        Object lower = null;
        Object upper = null;
        boolean exists = false;
        List<?> equalities = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object value = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> {
                    if (!isEqualityValue(value)) {
                        return null;
                    }
                    equalities = Collections.singletonList(value);
                }
                case "$in" -> {
                    if (!(value instanceof Collection<?> values) || !values.stream().allMatch(FieldIndex::isEqualityValue)) {
                        return null;
                    }
                    if (equalities == null) {
                        equalities = new ArrayList<>(values); // null allowed
                    }
                }
                case "$gt", "$gte" -> {
                    if (orderTag(value) == 0) {
                        return null;
                    }
                    lower = value;
                }
                case "$lt", "$lte" -> {
                    if (orderTag(value) == 0) {
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
            return List.<String[]>of(new String[] {String.valueOf(ALWAYS), LAST});
        }
        return null;
    }

    private List<String[]> equalTo(List<?> values) {
        List<String[]> ranges = new ArrayList<>();
        ranges.add(always());
        for (Object value : values) {
            if (Missing.isNullOrMissing(value)) {
                return null; // {field: null} matches the documents without the field too, which have no entry
            }
            String key = encode(value);
            if (key == null) {
                return null;
            }
            ranges.add(new String[] {key + END, key + AFTER_END});
        }
        return ranges;
    }

    /** Both bounds inclusive (a superset of the strict ones); only the values of the bounds' type can match. */
    private List<String[]> between(Object lower, Object upper) {
        List<String[]> ranges = new ArrayList<>();
        ranges.add(always());
        char tag = orderTag(lower != null ? lower : upper);
        if (lower != null && upper != null && orderTag(upper) != tag) {
            return ranges; // no value is of both types
        }
        String from = lower != null ? encode(lower) : String.valueOf(tag);
        String to = upper != null ? encode(upper) + AFTER_END : String.valueOf((char) (tag + 1));
        if (from.compareTo(to) < 0) {
            ranges.add(new String[] {from, to});
        }
        return ranges;
    }

    private static String[] always() {
        return new String[] {ALWAYS + END, ALWAYS + AFTER_END};
    }

    /** How many entries the ranges hold (a position may be counted twice if the ranges overlap): no entry is read. */
    long count(List<String[]> ranges) {
        long count = 0;
        for (String[] range : ranges) {
            count += Math.max(0, indexOf(range[1]) - indexOf(range[0]));
        }
        return count;
    }

    /** Where {@code key} is or would be among the map's keys. */
    private long indexOf(String key) {
        long index = entries.getKeyIndex(key);
        return index >= 0 ? index : -(index + 1);
    }

    /** The positions under the keys in the ranges. */
    Set<Object> positions(List<String[]> ranges) {
        Set<Object> positions = new LinkedHashSet<>();
        for (String[] range : ranges) {
            Cursor<String, Object> cursor = entries.cursor(range[0]);
            while (cursor.hasNext()) {
                String key = cursor.next();
                if (key.compareTo(range[1]) >= 0) {
                    break;
                }
                if (!key.equals(BUILT)) {
                    positions.add(cursor.getValue());
                }
            }
        }
        return positions;
    }

    /** The start of the document's key (its encoded value and {@link #END}), or null if it has not the field. */
    private String valueKey(Document document) {
        Object current = document;
        for (String segment : path) {
            if (!(current instanceof Document parent)) {
                return ALWAYS + END; // an array (or a scalar) on the way: the matcher's rules are the array's
            }
            if (!parent.containsKey(segment)) {
                return null;
            }
            current = parent.get(segment);
        }
        if (current instanceof Missing) {
            return null;
        }
        String encoded = encode(current);
        return (encoded == null ? String.valueOf(ALWAYS) : encoded) + END;
    }

    /** The value as its key's start (its tag and an encoding that sorts as the value), or null if not one of those. */
    private static String encode(Object value) {
        if (value == null) {
            return String.valueOf(NULL);
        }
        if (value instanceof String string) {
            return STRING + string.replace("\0", AFTER_END);
        }
        if (value instanceof Number number) {
            // as Utils.normalizeValue: numbers compare as doubles; a long a double cannot hold is left to the scan
            if (number instanceof Long exact && exact != (long) exact.doubleValue()) {
                return null;
            }
            if (!(number instanceof Long || number instanceof Integer || number instanceof Double
                    || number instanceof Short || number instanceof Byte || number instanceof Float)) {
                return null;
            }
            double normalized = number.doubleValue();
            long bits = Double.doubleToLongBits(normalized == -0.0d ? 0.0d : normalized);
            return NUMBER + hex(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
        }
        if (value instanceof Instant instant) {
            return INSTANT + hex(instant.getEpochSecond() ^ Long.MIN_VALUE) + HEX.toHexDigits(instant.getNano());
        }
        if (value instanceof Boolean bool) {
            return BOOLEAN + (bool ? "1" : "0");
        }
        if (value instanceof Date date) {
            return DATE + hex(date.getTime() ^ Long.MIN_VALUE);
        }
        if (value instanceof ObjectId id) {
            return OBJECT_ID + id.getHexData();
        }
        if (value instanceof UUID uuid) {
            return UUID_TAG + uuid.toString();
        }
        return null;
    }

    private static String hex(long value) {
        return HEX.toHexDigits(value);
    }

    /** A position as the end of a key: unique per position. */
    private static String positionKey(Object position) {
        return position instanceof String id ? "s" + id : "o" + position.getClass().getName() + ":" + position;
    }

    /** The scalars whose equality this index reasons about (with {@code null}). */
    private static boolean isEqualityValue(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant || value instanceof Date || value instanceof ObjectId
                || value instanceof UUID;
    }

    /**
     * The tag of the type a range compares within ({@code DefaultQueryMatcher.comparableTypes}: every number one
     * type), or 0 if this index does not order it.
     */
    private static char orderTag(Object value) {
        if (value instanceof Number && encode(value) != null) {
            return NUMBER;
        }
        if (value instanceof String) {
            return STRING;
        }
        // (the wire's dates arrive as Instant; the library's comparator cannot order a java.util.Date)
        if (value instanceof Instant) {
            return INSTANT;
        }
        return 0;
    }
}
