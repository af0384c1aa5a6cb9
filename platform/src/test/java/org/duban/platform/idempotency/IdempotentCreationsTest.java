package org.duban.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IdempotentCreationsTest {

    record Person(String name, String phone) {
        @Override
        public String toString() {
            return "Person[name=" + name.charAt(0) + "*, phone=***]";
        }
    }

    record Registration(String title, Person person, List<String> tags) {
    }

    record Plain(String title, List<Integer> numbers, Map<String, Integer> counts) {
    }

    @Test
    void twoRequestsThatDifferOnlyInWhatARecordMasksInItsToStringHaveDifferentFingerprints() {
        // given
        Registration first = new Registration("噪声", new Person("张三", "13800001111"), List.of("a"));
        Registration second = new Registration("噪声", new Person("张四", "13800002222"), List.of("a"));

        // when / then
        assertThat(first.toString()).isEqualTo(second.toString());
        assertThat(IdempotentCreations.fingerprint(first)).isNotEqualTo(IdempotentCreations.fingerprint(second));
    }

    @Test
    void aRequestMaskingNothingIsFingerprintedExactlyAsItsToStringSoKeysReservedBeforeStillMatch() {
        // given
        Plain plain = new Plain("噪声", List.of(1, 2), Map.of("x", 3));
        Registration masked = new Registration("噪声", new Person("张三", "13800001111"), List.of("a", "b"));

        // when / then
        assertThat(IdempotentCreations.canonical(plain)).isEqualTo(plain.toString());
        assertThat(IdempotentCreations.canonical(masked))
                .isEqualTo("Registration[title=噪声, person=Person[name=张三, phone=13800001111], tags=[a, b]]");
    }
}
