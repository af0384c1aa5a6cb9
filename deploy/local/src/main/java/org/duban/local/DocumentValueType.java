package org.duban.local;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the library's document maps ({@code databases.<db>.<collection>}, {@code _id} to document): a
 * document is written in a compact encoding of its own instead of Java serialization, and a value written the old
 * way still reads.
 *
 * <p>H2's {@link ObjectDataType}, the library's default, writes a {@link Document} it does not know as a serialized
 * Java object: class descriptors, a {@code LinkedHashMap}'s fields, every string in modified UTF-8 through an
 * {@code ObjectOutputStream}. Every commit writes again each leaf page that changed, with every document on it (about
 * a dozen), and every page read from the file deserializes all of its documents: serialization and deserialization
 * were a third of the store's CPU (issue #14).
 *
 * <p>Here a document whose every value is of a type listed below is written as the tag {@link #TAG}, its length in
 * bytes (an int), then its fields in order: a type byte, the name, the value; a document ends with {@link #END}. The length
 * frames it ({@link StoreFileCheck} checks the frame without decoding). Any other value — a document holding a value
 * of another type, or anything that is not a document — is written by {@link ObjectDataType} as before, and a value's
 * first byte says which way it was written: {@code ObjectDataType}'s tags are all below 120, this one is not. So a
 * file written by an older store (every document Java-serialized) reads as it did, and its documents take the new
 * encoding as they are written again; an older store cannot read a file written by this one.
 *
 * <p>Each value reads back as the same type and value: {@code null}, {@link Boolean}, {@link Integer}, {@link Long},
 * {@link Double}, {@link String} (in UTF-8; any chars, lone surrogates included), {@link Instant} (seconds and nanoseconds),
 * {@link Document} (field order kept), {@link ArrayList}, {@link ObjectId}, {@code byte[]}, {@link BinData},
 * {@link UUID}, {@link LegacyUUID}, {@link Decimal128}.
 */
final class DocumentValueType extends ObjectDataType {

    /** The first byte of a value in this encoding; {@link ObjectDataType}'s own tags are 0 to 119. */
    static final byte TAG = (byte) 0xD0;
    /** The byte that ends a document's fields (and so every value in this encoding). */
    static final byte END = 0;

    private static final byte NULL = 1;
    private static final byte FALSE = 2;
    private static final byte TRUE = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte STRING = 7;
    private static final byte INSTANT = 8;
    private static final byte DOCUMENT = 9;
    private static final byte LIST = 10;
    private static final byte OBJECT_ID = 11;
    private static final byte BYTES = 12;
    private static final byte BIN_DATA = 13;
    private static final byte UUID_VALUE = 14;
    private static final byte LEGACY_UUID = 15;
    private static final byte DECIMAL128 = 16;

    /** Nested documents and lists deeper than this go the old way (as MongoDB refuses past 100 levels). */
    private static final int MAX_DEPTH = 200;
    /** An ObjectId's bytes. */
    private static final int OBJECT_ID_BYTES = 12;

    /**
     * The heap a document takes, estimated as a moving average of the encoded length times {@link #HEAP_PER_BYTE}
     * (as {@link ObjectDataType} estimates a serialized object from its serialized length): the page cache and the
     * pages' split are sized by it.
     */
    private static final int HEAP_PER_BYTE = 3;
    private volatile int averageMemory = 4096;

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageMemory : super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof Document document) || !encodable(document, 0)) {
            super.write(buff, obj);
            return;
        }
        buff.put(TAG);
        int lengthAt = buff.position();
        buff.putInt(0); // the length, once it is known
        writeFields(buff, document);
        int length = buff.position() - lengthAt - Integer.BYTES;
        buff.putInt(lengthAt, length);
        averageMemory = (int) ((15L * averageMemory + (long) length * HEAP_PER_BYTE) / 16);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return super.read(buff);
        }
        buff.get();
        int length = buff.getInt();
        int end = buff.position() + length;
        Document document = readFields(buff);
        if (buff.position() != end) {
            throw new IllegalStateException("a stored document's length is " + length + " bytes but it took "
                    + (buff.position() - end + length));
        }
        return document;
    }

    /** Whether every value in the document is one this encoding keeps exactly (and every field has a name). */
    static boolean encodable(Document document, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getKey() == null || !encodable(field.getValue(), depth)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a single value (no document, no list) that this encoding keeps exactly. */
    static boolean scalar(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof Instant
                || value instanceof byte[] || value instanceof ObjectId && value.getClass() == ObjectId.class
                || value instanceof BinData || value instanceof UUID || value instanceof LegacyUUID
                || value instanceof Decimal128;
    }

    private static boolean encodable(Object value, int depth) {
        if (scalar(value)) {
            return true;
        }
        if (value instanceof Document document) {
            return encodable(document, depth + 1);
        }
        if (value != null && value.getClass() == ArrayList.class) {
            if (depth + 1 > MAX_DEPTH) {
                return false;
            }
            for (Object element : (List<?>) value) {
                if (!encodable(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void writeFields(WriteBuffer buff, Document document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            Object value = field.getValue();
            buff.put(typeOf(value));
            writeString(buff, field.getKey());
            writeValue(buff, value);
        }
        buff.put(END);
    }

    static byte typeOf(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Boolean b) {
            return b ? TRUE : FALSE;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Instant) {
            return INSTANT;
        } else if (value instanceof Document) {
            return DOCUMENT;
        } else if (value instanceof List) {
            return LIST;
        } else if (value instanceof ObjectId) {
            return OBJECT_ID;
        } else if (value instanceof byte[]) {
            return BYTES;
        } else if (value instanceof BinData) {
            return BIN_DATA;
        } else if (value instanceof UUID) {
            return UUID_VALUE;
        } else if (value instanceof LegacyUUID) {
            return LEGACY_UUID;
        } else if (value instanceof Decimal128) {
            return DECIMAL128;
        }
        throw new IllegalArgumentException("not encodable: " + value.getClass());
    }

    static void writeValue(WriteBuffer buff, Object value) {
        if (value == null || value instanceof Boolean) {
            return; // the type byte says it all
        } else if (value instanceof String s) {
            writeString(buff, s);
        } else if (value instanceof Integer i) {
            buff.putInt(i);
        } else if (value instanceof Long l) {
            buff.putLong(l);
        } else if (value instanceof Double d) {
            buff.putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Instant instant) {
            buff.putLong(instant.getEpochSecond()).putInt(instant.getNano());
        } else if (value instanceof Document document) {
            writeFields(buff, document);
        } else if (value instanceof List<?> list) {
            buff.putVarInt(list.size());
            for (Object element : list) {
                buff.put(typeOf(element));
                writeValue(buff, element);
            }
        } else if (value instanceof ObjectId id) {
            buff.put(id.toByteArray());
        } else if (value instanceof byte[] bytes) {
            buff.putVarInt(bytes.length).put(bytes);
        } else if (value instanceof BinData data) {
            buff.putVarInt(data.getData().length).put(data.getData());
        } else if (value instanceof UUID uuid) {
            buff.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        } else if (value instanceof LegacyUUID uuid) {
            buff.putLong(uuid.getUuid().getMostSignificantBits()).putLong(uuid.getUuid().getLeastSignificantBits());
        } else if (value instanceof Decimal128 decimal) {
            buff.putLong(decimal.getHigh()).putLong(decimal.getLow());
        }
    }

    /**
     * A string: its UTF-8 bytes, or — if it holds a surrogate, which UTF-8 does not keep when it stands alone — its
     * chars as H2 writes them (one to three bytes each); the length's lowest bit says which.
     */
    static void writeString(WriteBuffer buff, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        // a lone surrogate became '?': as many bytes as chars means ASCII, unless a '?' stands for one
        if ((utf8.length != s.length() || hasQuestionMark(utf8)) && hasSurrogate(s)) {
            buff.putVarInt(s.length() << 1 | 1).putStringData(s, s.length());
        } else {
            buff.putVarInt(utf8.length << 1).put(utf8);
        }
    }

    private static boolean hasQuestionMark(byte[] utf8) {
        for (byte b : utf8) {
            if (b == '?') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String readString(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff);
        if ((length & 1) == 1) {
            return DataUtils.readString(buff, length >>> 1);
        }
        int bytes = length >>> 1;
        String s;
        if (buff.hasArray()) {
            s = new String(buff.array(), buff.arrayOffset() + buff.position(), bytes, StandardCharsets.UTF_8);
            buff.position(buff.position() + bytes);
        } else {
            byte[] utf8 = new byte[bytes];
            buff.get(utf8);
            s = new String(utf8, StandardCharsets.UTF_8);
        }
        return s;
    }

    private static Document readFields(ByteBuffer buff) {
        Document document = new Document();
        for (byte type = buff.get(); type != END; type = buff.get()) {
            String name = readString(buff);
            document.put(name, readValue(buff, type));
        }
        return document;
    }

    static Object readValue(ByteBuffer buff, byte type) {
        switch (type) {
            case NULL:
                return null;
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case STRING:
                return readString(buff);
            case INT:
                return buff.getInt();
            case LONG:
                return buff.getLong();
            case DOUBLE:
                return Double.longBitsToDouble(buff.getLong());
            case INSTANT:
                long seconds = buff.getLong();
                return Instant.ofEpochSecond(seconds, buff.getInt());
            case DOCUMENT:
                return readFields(buff);
            case LIST:
                int size = DataUtils.readVarInt(buff);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(buff, buff.get()));
                }
                return list;
            case OBJECT_ID:
                byte[] id = new byte[OBJECT_ID_BYTES];
                buff.get(id);
                return new ObjectId(id);
            case BYTES:
                return readBytes(buff);
            case BIN_DATA:
                return new BinData(readBytes(buff));
            case UUID_VALUE:
                return new UUID(buff.getLong(), buff.getLong());
            case LEGACY_UUID:
                return new LegacyUUID(buff.getLong(), buff.getLong());
            case DECIMAL128:
                long high = buff.getLong();
                return new Decimal128(buff.getLong(), high);
            default:
                throw new IllegalStateException("a stored document holds an unknown type " + type);
        }
    }

    private static byte[] readBytes(ByteBuffer buff) {
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        return bytes;
    }
}
