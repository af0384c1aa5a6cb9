package org.duban.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class FieldEncryptionConfigurationTest {

    @TempDir
    Path keys;

    @Test
    void readsTheKeysetFromItsFile() {
        // given
        Path file = TestFieldKeys.write(TestFieldKeys.newKeyset());

        // when
        FieldCipher cipher = FieldEncryptionConfiguration.read(new FileSystemResource(file));

        // then
        assertThat(cipher.keyIds()).containsExactly(cipher.primaryKeyId());
    }

    @Test
    void aMissingKeysetStopsTheStartSayingWhatToDo() {
        // given
        FileSystemResource missing = new FileSystemResource(keys.resolve("intake-service.json"));

        // when / then
        assertThatThrownBy(() -> FieldEncryptionConfiguration.read(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intake-service.json").hasMessageContaining("DUBAN_FIELD_KEYS_LOCATION")
                .hasMessageContaining("does not start without it").hasMessageContaining("make-field-keyset.sh");
    }

    @Test
    void anUnsetLocationStopsTheStart() {
        assertThatThrownBy(() -> FieldEncryptionConfiguration.read(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DUBAN_FIELD_KEYS_LOCATION");
    }

    @Test
    void aFileThatIsNoKeysetStopsTheStartWithoutShowingItsContent() throws Exception {
        // given: the query code key put where the keyset belongs
        Path file = keys.resolve("field-keys.json");
        Files.writeString(file, "q5f1l4bX9Kq0VdE3m5w1cJ1P0hYlq9V8z2l0cT3Lk2E=\n");

        // when / then
        assertThatThrownBy(() -> FieldEncryptionConfiguration.read(new FileSystemResource(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is unusable")
                .hasMessageNotContaining("q5f1l4bX9Kq0VdE3m5w1cJ1P0hYlq9V8z2l0cT3Lk2E");
    }
}
