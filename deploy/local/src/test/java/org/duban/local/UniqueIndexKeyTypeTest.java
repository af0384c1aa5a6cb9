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

    private static String abbreviated(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    }
}
