package org.duban.local;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the library's unique-index maps ({@code <db>.<collection>._index_<name>}, {@link KeyValue} to a
 * document's position), ordering keys exactly as the library's default type does, but without its cost on the
 * common key.
 *
 * <p>H2's {@link ObjectDataType} orders objects it does not know (a {@link KeyValue} is one) by the bytes of their
 * Java serialization: every comparison of a B-tree lookup serializes both keys, so each insert, which checks and
 * then adds its key to every unique index, spent most of the store's time in {@code ObjectOutputStream} (issue #18:
 * about 60% of the store's CPU in the reporting projection's benchmark). For a key of one string — every
 * {@code _id_} index of string ids, and one-field unique indexes of strings — those bytes are the same for both keys
 * up to the string ({@code KeyValue}'s and its {@code ArrayList}'s descriptors, the list's size), then
 * {@code TC_STRING}, the string's modified-UTF-8 length as an unsigned 16-bit number and its modified-UTF-8 bytes,
 * then the same end: the comparison is that of the lengths, then of the bytes, which is computed here directly.
 * Any other key (several fields, other types, a string of 64 KiB or more) is compared by the default type, as
 * before.
 *
 * <p>A key is written to the file as {@link ObjectDataType} would — a serialized Java object — unless each of its values
 * is a string, a number, a boolean, {@code null}, a date, an ObjectId, a UUID, a Decimal128 or binary: then as the tag
 * {@link #TAG}, the number of values, and each value as {@link DocumentValueType} writes a document's (every commit
 * writes again each changed page with its four dozen keys, and serializing them was a tenth of the store's CPU). It
 * reads back as the same {@code KeyValue}, so it compares as before; a key written the old way reads as before.
 */
final class UniqueIndexKeyType extends ObjectDataType {

    /** The first byte of a key in the compact encoding; {@link ObjectDataType}'s own tags are 0 to 119. */
    static final byte TAG = (byte) 0xD1;

    /**
     * The one string {@code KeyValue}'s serialization writes as an object before its values (the type of its field
     * {@code values}): a key holding that very string object would be written as a reference to it instead.
     */
    private static final String FIELD_TYPE = "Ljava/util/List;";
    private static final int MAX_SHORT_UTF = 0xFFFF;

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue x && b instanceof KeyValue y && x.size() == 1 && y.size() == 1
                && x.get(0) instanceof String s && y.get(0) instanceof String t
                && !FIELD_TYPE.equals(s) && !FIELD_TYPE.equals(t)) {
            int sLength = utfLength(s);
            int tLength = utfLength(t);
            if (sLength <= MAX_SHORT_UTF && tLength <= MAX_SHORT_UTF) {
                return sLength != tLength ? Integer.compare(sLength, tLength) : compareUtf(s, t);
            }
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof KeyValue key) || !compact(key)) {
            super.write(buff, obj);
            return;
        }
        buff.put(TAG).putVarInt(key.size());
        for (Object value : key) {
            buff.put(DocumentValueType.typeOf(value));
            DocumentValueType.writeValue(buff, value);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return super.read(buff);
        }
        buff.get();
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(DocumentValueType.readValue(buff, buff.get()));
        }
        return new KeyValue(values);
    }

    /**
     * Whether every value of the key reads back as itself from the compact encoding and serializes, for the
     * comparison, to the same bytes as before (documents and lists are left out: a map's serialized form depends on
     * its capacity).
     */
    private static boolean compact(KeyValue key) {
        if (key.size() == 0) {
            return false;
        }
        for (Object value : key) {
            if (!DocumentValueType.scalar(value)) {
                return false;
            }
        }
        return true;
    }

    /** The length of the string in modified UTF-8 ({@code DataOutput.writeUTF}): U+0000 takes two bytes. */
    static int utfLength(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            length += utfBytes(s.charAt(i));
        }
        return length;
    }

    private static int utfBytes(char c) {
        if (c >= 0x0001 && c <= 0x007F) {
            return 1;
        }
        return c <= 0x07FF ? 2 : 3;
    }

    /**
     * The unsigned comparison of the two strings' modified-UTF-8 bytes, which are as long as each other. Up to their
     * first differing char the bytes are the same, and no char's encoding is a prefix of another's, so the first
     * differing char decides: modified UTF-8 orders chars as their code units, but for U+0000 (two bytes,
     * {@code C0 80}), which comes after U+007F and before U+0080. Nothing is allocated: this runs for every key a
     * B-tree lookup passes.
     */
    private static int compareUtf(String s, String t) {
        int length = Math.min(s.length(), t.length());
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            char d = t.charAt(i);
            if (c != d) {
                return Integer.compare(rank(c), rank(d));
            }
        }
        // one is a prefix of the other in chars, and their byte lengths are equal: the same string
        return Integer.compare(s.length(), t.length());
    }

    /** A char's place in the order of modified-UTF-8 encodings. */
    private static int rank(char c) {
        if (c == 0) {
            return 0x80;
        }
        return c < 0x80 ? c : c + 1;
    }
}
