package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCodeKeyFileTest {

    @TempDir
    Path dataDirectory;

    @Test
    void makesThirtyTwoRandomBytesInBase64ThatOnlyItsOwnerReads() throws Exception {
        // given
        QueryCodeKeyFile key = new QueryCodeKeyFile(dataDirectory.resolve("keys"));

        // when
        boolean made = key.createIfMissing();

        // then
        assertThat(made).isTrue();
        assertThat(Base64.getDecoder().decode(Files.readString(key.key()).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.key()))).isEqualTo("rw-------");
    }

    @Test
    void neverReplacesAKeyThatExists() throws Exception {
        // given
        QueryCodeKeyFile key = new QueryCodeKeyFile(dataDirectory.resolve("keys"));
        key.createIfMissing();
        String first = Files.readString(key.key());

        // when
        boolean madeAgain = key.createIfMissing();

        // then
        assertThat(madeAgain).isFalse();
        assertThat(Files.readString(key.key())).isEqualTo(first);
    }
}
