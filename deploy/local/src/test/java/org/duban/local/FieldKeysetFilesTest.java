package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldKeysetFilesTest {

    private static final byte[] ADDRESS = "cases/case-1 petitioner.name".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDirectory;

    @Test
    void makesOneAes256GcmKeysetPerServiceThatOnlyItsOwnerReads() throws Exception {
        // given
        FieldKeysetFiles keys = new FieldKeysetFiles(dataDirectory.resolve("keys"));

        // when
        var made = keys.createMissing();

        // then
        assertThat(made).containsExactly("intake-service", "notification-service");
        for (String service : made) {
            KeysetHandle keyset = read(keys.keyset(service));
            assertThat(keyset.size()).isEqualTo(1);
            assertThat(keyset.getPrimary().getKey().getParameters()).isEqualTo(PredefinedAeadParameters.AES256_GCM);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.keyset(service))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(keys.keyset("intake-service")))
                .isNotEqualTo(Files.readString(keys.keyset("notification-service")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.keyset("intake-service").getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void neverReplacesAKeysetThatExists() throws Exception {
        // given
        FieldKeysetFiles keys = new FieldKeysetFiles(dataDirectory.resolve("keys"));
        keys.createMissing();
        String first = Files.readString(keys.keyset("intake-service"));

        // when
        var madeAgain = keys.createMissing();

        // then
        assertThat(madeAgain).isEmpty();
        assertThat(Files.readString(keys.keyset("intake-service"))).isEqualTo(first);
    }

    @Test
    void aRotationAddsANewPrimaryKeyBesideTheOldOneAndLaterRemovesTheOldOne() throws Exception {
        // given: a value encrypted under the first key
        FieldKeysetFiles keys = new FieldKeysetFiles(dataDirectory.resolve("keys"));
        keys.createMissing();
        Path file = keys.keyset("intake-service");
        byte[] underKeyOne = aead(file).encrypt("张三".getBytes(StandardCharsets.UTF_8), ADDRESS);
        int keyOne = read(file).getPrimary().getId();

        // when: step 1
        long keyTwo = FieldKeysetFiles.addPrimaryKey(file);

        // then: two keys, the new one primary, the old value still opens
        assertThat(read(file).size()).isEqualTo(2);
        assertThat(Integer.toUnsignedLong(read(file).getPrimary().getId())).isEqualTo(keyTwo).isNotEqualTo(keyOne);
        assertThat(aead(file).decrypt(underKeyOne, ADDRESS)).isEqualTo("张三".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        // when: the last step
        byte[] underKeyTwo = aead(file).encrypt("张三".getBytes(StandardCharsets.UTF_8), ADDRESS);
        int removed = FieldKeysetFiles.removeOldKeys(file);

        // then: only key 2; what it encrypted opens, what key 1 encrypted no longer does
        assertThat(removed).isEqualTo(1);
        assertThat(read(file).size()).isEqualTo(1);
        assertThat(aead(file).decrypt(underKeyTwo, ADDRESS)).isEqualTo("张三".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> aead(file).decrypt(underKeyOne, ADDRESS)).isInstanceOf(GeneralSecurityException.class);
        assertThat(file.resolveSibling("intake-service.json.new")).doesNotExist();
    }

    private static KeysetHandle read(Path file) throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
    }

    private static Aead aead(Path file) throws Exception {
        return read(file).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
}
