package org.duban.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final FieldAddress NAME = new FieldAddress("cases", "case-1", "petitioner.name");

    @Test
    void encryptsUnderThePrimaryKeyAndDecryptsBackAtTheSameAddress() {
        // given
        FieldCipher cipher = FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset());

        // when
        EncryptedField encrypted = cipher.encrypt(NAME, "张三");

        // then
        assertThat(encrypted.keyId()).isEqualTo(cipher.primaryKeyId());
        assertThat(new String(encrypted.ciphertext(), StandardCharsets.UTF_8)).doesNotContain("张三");
        assertThat(cipher.decrypt(NAME, encrypted)).isEqualTo("张三");
    }

    @Test
    void encryptingTheSameValueTwiceGivesTwoCiphertexts() {
        // given
        FieldCipher cipher = FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset());

        // when
        EncryptedField once = cipher.encrypt(NAME, "110101199003071234");
        EncryptedField twice = cipher.encrypt(NAME, "110101199003071234");

        // then: a fresh nonce each time, so equal values cannot be told apart in the store
        assertThat(once).isNotEqualTo(twice);
    }

    @Test
    void aCiphertextMovedToAnotherDocumentDoesNotOpen() {
        // given
        FieldCipher cipher = FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset());
        EncryptedField encrypted = cipher.encrypt(NAME, "张三");

        // when / then
        assertThatThrownBy(() -> cipher.decrypt(new FieldAddress("cases", "case-2", "petitioner.name"), encrypted))
                .isInstanceOf(FieldDecryptionFailed.class).hasMessageContaining("case-2")
                .hasMessageNotContaining("张三");
    }

    @Test
    void aCiphertextMovedToAnotherFieldOrCollectionDoesNotOpen() {
        // given
        FieldCipher cipher = FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset());
        EncryptedField encrypted = cipher.encrypt(NAME, "张三");

        // when / then
        assertThatThrownBy(() -> cipher.decrypt(new FieldAddress("cases", "case-1", "petitioner.phone"), encrypted))
                .isInstanceOf(FieldDecryptionFailed.class);
        assertThatThrownBy(() -> cipher.decrypt(new FieldAddress("webhook_endpoints", "case-1", "petitioner.name"),
                encrypted)).isInstanceOf(FieldDecryptionFailed.class);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        // given
        FieldCipher cipher = FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset());
        byte[] ciphertext = cipher.encrypt(NAME, "张三").ciphertext();
        ciphertext[ciphertext.length - 1] ^= 1;

        // when / then
        assertThatThrownBy(() -> cipher.decrypt(NAME, new EncryptedField(cipher.primaryKeyId(), ciphertext)))
                .isInstanceOf(FieldDecryptionFailed.class);
    }

    @Test
    void aKeyIdBesideTheCiphertextThatIsNotTheOneInItIsRefused() {
        // given: the stored kid changed to pass an old value off as current
        String rotated = TestFieldKeys.withNewPrimaryKey(TestFieldKeys.newKeyset());
        FieldCipher before = FieldCipher.fromJsonKeyset(TestFieldKeys.withOnlyThePrimaryKey(rotated));
        FieldCipher cipher = FieldCipher.fromJsonKeyset(rotated);
        EncryptedField encrypted = before.encrypt(NAME, "张三");
        long otherKey = cipher.keyIds().stream().filter(id -> id != encrypted.keyId()).findFirst().orElseThrow();

        // when / then
        assertThatThrownBy(() -> cipher.decrypt(NAME, new EncryptedField(otherKey, encrypted.ciphertext())))
                .isInstanceOf(FieldDecryptionFailed.class).hasMessageContaining("does not carry the key id");
    }

    @Test
    void valuesWrittenUnderTheOldKeyStillOpenAfterANewKeyBecomesPrimary() {
        // given: key 1 wrote a value
        String keyOne = TestFieldKeys.newKeyset();
        EncryptedField written = FieldCipher.fromJsonKeyset(keyOne).encrypt(NAME, "张三");

        // when: key 2 is added as primary
        FieldCipher rotated = FieldCipher.fromJsonKeyset(TestFieldKeys.withNewPrimaryKey(keyOne));

        // then: the old value opens, new values are under key 2
        assertThat(rotated.decrypt(NAME, written)).isEqualTo("张三");
        assertThat(rotated.primaryKeyId()).isNotEqualTo(written.keyId());
        assertThat(rotated.encrypt(NAME, "张三").keyId()).isEqualTo(rotated.primaryKeyId());
        assertThat(rotated.keyIds()).containsExactlyInAnyOrder(written.keyId(), rotated.primaryKeyId());
    }

    @Test
    void aValueUnderARemovedKeyFailsNamingTheKey() {
        // given
        String keyOne = TestFieldKeys.newKeyset();
        EncryptedField written = FieldCipher.fromJsonKeyset(keyOne).encrypt(NAME, "张三");

        // when: key 2 is primary and key 1 was removed too early
        FieldCipher keyTwoOnly = FieldCipher.fromJsonKeyset(
                TestFieldKeys.withOnlyThePrimaryKey(TestFieldKeys.withNewPrimaryKey(keyOne)));

        // then
        assertThatThrownBy(() -> keyTwoOnly.decrypt(NAME, written)).isInstanceOf(FieldDecryptionFailed.class)
                .hasMessageContaining("under key " + written.keyId()).hasMessageContaining("does not hold");
    }

    @Test
    void refusesAKeysetWithAKeyThatIsNotAes256Gcm() throws Exception {
        // given
        String aes128 = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM), InsecureSecretKeyAccess.get());

        // when / then
        assertThatThrownBy(() -> FieldCipher.fromJsonKeyset(aes128)).isInstanceOf(FieldKeysUnusable.class)
                .hasMessageContaining("AES256_GCM");
    }

    @Test
    void refusesWhatIsNotAKeyset() {
        assertThatThrownBy(() -> FieldCipher.fromJsonKeyset("c2VjcmV0Cg==")).isInstanceOf(FieldKeysUnusable.class)
                .hasMessageContaining("not a Tink keyset");
        assertThatThrownBy(() -> FieldCipher.fromJsonKeyset("")).isInstanceOf(FieldKeysUnusable.class);
    }
}
