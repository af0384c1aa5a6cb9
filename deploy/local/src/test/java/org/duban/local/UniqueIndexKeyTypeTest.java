package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class UniqueIndexKeyTypeTest {

    private final ObjectDataType library = new ObjectDataType();
    private final UniqueIndexKeyType fast = new UniqueIndexKeyType();

    @Test
    void ordersStringKeysExactlyAsTheLibrarysSerializedComparison() {
        // given: ids as the services write them, and strings whose modified UTF-8 differs from their chars' order
        Random random = new Random(18);
        List<String> strings = new ArrayList<>(List.of("", "a", "b", "ab", "ba", "assignment-1", "assignment-10",
                "assignment-2", "projection:evt-1", "\u0000", "a\u0000", "a\u0001", "\u007f", "\u0080", "\u07ff",
                "\u0800", "\uffff", "\ud83d\ude00", "\ud83d", "\ude00", "城关街道", "城关", "Ljava/util/List;",
                "x".repeat(65_535), "x".repeat(65_534) + "\u0080", "x".repeat(65_536), "\u0800".repeat(21_845)));
        char[] alphabet = {'a', 'b', 'z', '0', '9', '-', '|', ':', '\u0000', '\u0001', '\u007f', '\u0080', '\u00e9',
                '\u07ff', '\u0800', '\u4e00', '\ud83d', '\ude00', '\uffff'};
        for (int i = 0; i < 400; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(8);
            for (int c = 0; c < length; c++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            strings.add(s.toString());
        }

        // then
        for (String s : strings) {
            for (String t : strings) {
                KeyValue a = new KeyValue(s);
                KeyValue b = new KeyValue(new String(t.toCharArray()));
                assertThat(Integer.signum(fast.compare(a, b)))
                        .as("%s vs %s", abbreviated(s), abbreviated(t))
                        .isEqualTo(Integer.signum(library.compare(a, b)));
            }
        }
    }

    @Test
    void leavesOtherKeysToTheLibrarysComparison() {
        // given
        List<KeyValue> keys = List.of(new KeyValue("a", "b"), new KeyValue("a", 1), new KeyValue(1), new KeyValue(2L),
                new KeyValue(2.5), new KeyValue("b"), new KeyValue((Object) null));

        // then
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(fast.compare(a, b))).isEqualTo(Integer.signum(library.compare(a, b)));
            }
        }
    }

    @Test
    void writesKeysOfScalarValuesCompactlyAndReadsBackKeysThatCompareAsTheOriginals() {
        // given: keys as the library makes them, and the same keys read back from either encoding
        List<KeyValue> keys = List.of(new KeyValue("matter-1|1"), new KeyValue("城关街道"), new KeyValue("\ud83d"),
                new KeyValue("a", "b"), new KeyValue("a", 1), new KeyValue(1), new KeyValue(2L), new KeyValue(2.5),
                new KeyValue(true), new KeyValue((Object) null), new KeyValue(java.time.Instant.ofEpochMilli(5)),
                new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId("5f1e9b8c2a4d3e0012345678")),
                new KeyValue(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
                new KeyValue(new de.bwaldvogel.mongo.bson.Decimal128(new java.math.BigDecimal("1.5"))));
        List<KeyValue> documentKeys = List.of(new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1)),
                new KeyValue((Object) new ArrayList<>(List.of(1, 2))));
        for (KeyValue key : keys) {
            // when
            java.nio.ByteBuffer compact = written(fast, key);
            java.nio.ByteBuffer old = written(library, key);

            // then
            assertThat(compact.get(0)).as("%s", key).isEqualTo(UniqueIndexKeyType.TAG);
            KeyValue fromCompact = (KeyValue) fast.read(compact);
            KeyValue fromOld = (KeyValue) fast.read(old);
            assertThat(compact.remaining()).isZero();
            assertThat(fromCompact).isEqualTo(key).isEqualTo(fromOld);
            for (KeyValue other : keys) {
                assertThat(Integer.signum(library.compare(fromCompact, other)))
                        .isEqualTo(Integer.signum(library.compare(key, other)));
                assertThat(Integer.signum(fast.compare(fromCompact, other)))
                        .isEqualTo(Integer.signum(library.compare(key, other)));
            }
        }
        for (KeyValue key : documentKeys) {
            java.nio.ByteBuffer written = written(fast, key);
            assertThat(written.get(0)).as("%s", key).isNotEqualTo(UniqueIndexKeyType.TAG);
            assertThat(fast.read(written)).isEqualTo(key);
        }
    }

    private static java.nio.ByteBuffer written(ObjectDataType type, Object value) {
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        type.write(buffer, value);
        java.nio.ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return java.nio.ByteBuffer.wrap(java.util.Arrays.copyOf(bytes.array(), bytes.limit()));
    }

    private static String abbreviated(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    }
}
