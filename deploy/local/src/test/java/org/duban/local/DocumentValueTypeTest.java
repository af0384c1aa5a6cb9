package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class DocumentValueTypeTest {

    /** ObjectDataType's tag of a serialized Java object. */
    private static final byte SERIALIZED_OBJECT = 19;

    private final DocumentValueType type = new DocumentValueType();

    @Test
    void readsBackEveryRandomDocumentWithTheSameTypesValuesAndFieldOrder() {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            // given
            Document document = randomDocument(random, 0);

            // when
            ByteBuffer written = written(type, document);

            // then
            assertThat(written.get(0)).isEqualTo(DocumentValueType.TAG);
            Object read = type.read(written);
            assertThat(written.remaining()).isZero();
            assertSame(read, document, "$");
        }
    }

    @Test
    void readsBackTheValuesOfEveryTypeTheServicesStoreAtTheirEdges() {
        // given
        Document document = new Document("_id", "assignment-1")
                .append("empty", "")
                .append("chinese", "关于某街道拆迁补偿问题的信访事项")
                .append("emoji and lone surrogates", "\ud83d\ude00 \ud83d \ude00 \u0000 \uffff")
                .append("lone surrogates among ASCII", new ArrayList<>(List.of("\ud83d", "x\ude00?", "?", "a?b")))
                .append("long string", "交办".repeat(40_000))
                .append("ints", new ArrayList<>(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)))
                .append("longs", new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)))
                .append("doubles", new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1e-310, 2.5)))
                .append("dates", new ArrayList<>(List.of(Instant.ofEpochMilli(1_796_000_000_123L), Instant.EPOCH,
                        Instant.ofEpochSecond(-5, 999_999_999), Instant.MAX, Instant.MIN)))
                .append("booleans", new ArrayList<>(Arrays.asList(true, false, null)))
                .append("nothing", null)
                .append("nested", new Document("a", new Document("b", new ArrayList<>(List.of(new Document("c", 1),
                        new ArrayList<>(List.of(new ArrayList<>())), new Document())))))
                .append("objectId", new ObjectId("5f1e9b8c2a4d3e0012345678"))
                .append("encrypted", new byte[] {0, 1, -1, 127, -128})
                .append("no bytes", new byte[0])
                .append("binData", new BinData(new byte[] {9, 8, 7}))
                .append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .append("legacyUuid", new LegacyUUID(UUID.fromString("123e4567-e89b-12d3-a456-426614174001")))
                .append("decimal", new Decimal128(new java.math.BigDecimal("-12345.6789")))
                .append("decimal specials", new ArrayList<>(List.of(Decimal128.NaN, Decimal128.NEGATIVE_ZERO,
                        Decimal128.POSITIVE_INFINITY)));

        // when
        ByteBuffer written = written(type, document);

        // then
        assertThat(written.get(0)).isEqualTo(DocumentValueType.TAG);
        assertSame(type.read(written), document, "$");
    }

    @Test
    void writesADocumentHoldingAnotherTypeAsBeforeAndReadsItBack() {
        // given: values this encoding does not keep (a timestamp, an immutable list, a float) go the library's way
        for (Object other : List.of(new BsonTimestamp(42L), List.of("a", "b"), 1.5f, (short) 3)) {
            Document document = new Document("_id", "x").append("inner", new Document("value", other));

            // when
            ByteBuffer written = written(type, document);

            // then
            assertThat(written.get(0)).as("%s", other.getClass()).isEqualTo(SERIALIZED_OBJECT);
            assertThat(type.read(written)).isEqualTo(document);
        }
    }

    @Test
    void readsDocumentsAndOtherValuesTheLibrarysTypeWrote() {
        // given: values as an older store wrote them, with ObjectDataType
        ObjectDataType library = new ObjectDataType();
        Random random = new Random(18);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add(randomDocument(random, 0));
        }
        values.addAll(List.of("text", 42L, 7, 2.5, true));
        for (Object value : values) {
            // when
            ByteBuffer written = written(library, value);

            // then
            assertThat(written.get(0)).isNotEqualTo(DocumentValueType.TAG);
            Object read = type.read(written);
            assertThat(written.remaining()).isZero();
            assertSame(read, value, "$");
        }
    }

    @Test
    void theFileCheckSkipsADocumentWholeAndRefusesOneCutShort() {
        // given
        Document document = randomDocument(new Random(3), 0);
        ByteBuffer whole = written(type, document);
        StoreFileCheck.FramedValues check = new StoreFileCheck.FramedValues();

        // when
        check.read(whole);

        // then
        assertThat(whole.remaining()).isZero();
        ByteBuffer cut = written(type, document);
        cut.limit(cut.limit() - 1);
        assertThatThrownBy(() -> check.read(cut)).isInstanceOf(IllegalStateException.class);
        ByteBuffer damaged = written(type, document);
        damaged.put(damaged.limit() - 1, (byte) 7);
        assertThatThrownBy(() -> check.read(damaged)).isInstanceOf(IllegalStateException.class);
    }

    private static ByteBuffer written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return ByteBuffer.wrap(Arrays.copyOf(bytes.array(), bytes.limit()));
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            document.put(randomString(random, 1 + random.nextInt(8)), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        int kinds = depth < 3 ? 16 : 14;
        switch (random.nextInt(kinds)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt();
            case 3:
                return random.nextLong();
            case 4:
                return random.nextBoolean() ? random.nextDouble() * 1e6 : Double.longBitsToDouble(random.nextLong());
            case 5:
            case 6:
                return randomString(random, random.nextInt(60));
            case 7:
                return random.nextBoolean() ? Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L)
                        : Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
            case 8:
                byte[] id = new byte[12];
                random.nextBytes(id);
                return new ObjectId(id);
            case 9:
                byte[] bytes = new byte[random.nextInt(80)];
                random.nextBytes(bytes);
                return bytes;
            case 10:
                byte[] data = new byte[random.nextInt(20)];
                random.nextBytes(data);
                return new BinData(data);
            case 11:
                return new UUID(random.nextLong(), random.nextLong());
            case 12:
                return new LegacyUUID(random.nextLong(), random.nextLong());
            case 13:
                return new Decimal128(java.math.BigDecimal.valueOf(random.nextLong(), random.nextInt(20)));
            case 14:
                return randomDocument(random, depth + 1);
            default:
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(6);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
        }
    }

    private static String randomString(Random random, int length) {
        char[] alphabet = {'a', 'z', 'A', '0', '_', '.', '$', ' ', '\u0000', '\u007f', '\u0080', '\u00e9', '\u07ff',
                '\u0800', '关', '于', '街', '道', '\ud83d', '\ude00', '\uffff'};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }

    /** The same value: the same classes, the same values (bytes compared by content), fields in the same order. */
    private static void assertSame(Object read, Object written, String path) {
        if (written == null) {
            assertThat(read).as(path).isNull();
            return;
        }
        assertThat(read).as(path).isNotNull();
        assertThat(read.getClass()).as(path).isEqualTo(written.getClass());
        if (written instanceof Document document) {
            Document readDocument = (Document) read;
            assertThat(new ArrayList<>(readDocument.keySet())).as(path).containsExactlyElementsOf(document.keySet());
            for (Map.Entry<String, Object> field : document.entrySet()) {
                assertSame(readDocument.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (written instanceof List<?> list) {
            List<?> readList = (List<?>) read;
            assertThat(readList).as(path).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertSame(readList.get(i), list.get(i), path + "[" + i + "]");
            }
        } else if (written instanceof byte[] bytes) {
            assertThat((byte[]) read).as(path).containsExactly(bytes);
        } else if (written instanceof Double d) {
            assertThat(Double.doubleToRawLongBits((Double) read)).as(path).isEqualTo(Double.doubleToRawLongBits(d));
        } else {
            assertThat(read).as(path).isEqualTo(written);
        }
    }
}
