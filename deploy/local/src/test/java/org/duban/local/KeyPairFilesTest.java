package org.duban.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPairFilesTest {

    @TempDir
    Path dataDirectory;

    @Test
    void makesAnRsaPairInPemFilesWhosePrivateKeySignsWhatThePublicKeyVerifies() throws Exception {
        // given
        KeyPairFiles keys = new KeyPairFiles(dataDirectory.resolve("keys"));

        // when
        boolean made = keys.createIfMissing();

        // then
        assertThat(made).isTrue();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(keys.privateKey(), "PRIVATE KEY")));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pemBody(keys.publicKey(), "PUBLIC KEY")));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        byte[] claims = "{\"sub\":\"alice\",\"roles\":[\"SUPERVISOR\"]}".getBytes(UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(claims);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(claims);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void letsOnlyItsOwnerReadThePrivateKey() throws Exception {
        // given
        KeyPairFiles keys = new KeyPairFiles(dataDirectory.resolve("keys"));

        // when
        keys.createIfMissing();

        // then
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey()))).isEqualTo("rw-------");
    }

    @Test
    void keepsAnExistingPairUntouched() throws Exception {
        // given
        KeyPairFiles keys = new KeyPairFiles(dataDirectory.resolve("keys"));
        keys.createIfMissing();
        byte[] privateKey = Files.readAllBytes(keys.privateKey());
        byte[] publicKey = Files.readAllBytes(keys.publicKey());

        // when
        boolean made = keys.createIfMissing();

        // then
        assertThat(made).isFalse();
        assertThat(keys.privateKey()).hasBinaryContent(privateKey);
        assertThat(keys.publicKey()).hasBinaryContent(publicKey);
    }

    @Test
    void refusesToReplaceHalfAPairAndSaysWhichFileIsLeft() throws Exception {
        // given
        KeyPairFiles keys = new KeyPairFiles(dataDirectory.resolve("keys"));
        keys.createIfMissing();
        byte[] privateKey = Files.readAllBytes(keys.privateKey());
        Files.delete(keys.publicKey());

        // when / then
        assertThatThrownBy(keys::createIfMissing)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keys.privateKey().toString());
        assertThat(keys.privateKey()).hasBinaryContent(privateKey);
        assertThat(keys.publicKey()).doesNotExist();
    }

    private static byte[] pemBody(Path file, String type) throws Exception {
        String pem = Files.readString(file);
        String header = "-----BEGIN " + type + "-----\n";
        String footer = "-----END " + type + "-----\n";
        assertThat(pem).startsWith(header).endsWith(footer);
        return Base64.getMimeDecoder().decode(pem.substring(header.length(), pem.length() - footer.length()));
    }
}
