package org.duban.platform.crypto;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Encrypted fields in the Mongo-wire store: what a document holds, which documents the re-encryption finds
 * (a plain field, an array of encrypted values), and a rotation from key 1 to key 2 with values in the clear
 * from before field encryption — after which key 1 is removed and everything still reads.
 */
class EncryptedFieldsIT {

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("fields");

    private MongoCollection<Document> things;

    @BeforeEach
    void freshCollection() {
        things = mongo.fresh().getCollection("things");
    }

    @Test
    void storesTheKeyIdBesideABinaryCiphertextAndNothingInTheClear() {
        // given
        EncryptedFields fields = new EncryptedFields(FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset()), "things");

        // when
        things.insertOne(new Document("_id", "t1").append("secret", fields.encrypt("t1", "secret", "张三 13800138000")));

        // then
        Document stored = things.find(eq("_id", "t1")).first().get("secret", Document.class);
        assertThat(stored.keySet()).containsExactly("kid", "ct");
        assertThat(stored.get("kid")).isEqualTo(fields.primaryKeyId());
        assertThat(stored.get("ct")).isInstanceOf(Binary.class);
        assertThat(things.find(eq("_id", "t1")).first().toJson()).doesNotContain("张三", "13800138000");
        assertThat(fields.decrypt("t1", "secret", things.find(eq("_id", "t1")).first().get("secret"))).isEqualTo(
                "张三 13800138000");
    }

    @Test
    void aCiphertextCopiedIntoAnotherDocumentDoesNotOpenThere() {
        // given
        EncryptedFields fields = new EncryptedFields(FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset()), "things");
        things.insertOne(new Document("_id", "t1").append("secret", fields.encrypt("t1", "secret", "张三")));
        things.insertOne(new Document("_id", "t2").append("secret", fields.encrypt("t2", "secret", "李四")));

        // when: someone with write access to the store copies t1's value into t2
        things.updateOne(eq("_id", "t2"), set("secret", things.find(eq("_id", "t1")).first().get("secret")));

        // then
        Object copied = things.find(eq("_id", "t2")).first().get("secret");
        assertThatThrownBy(() -> fields.decrypt("t2", "secret", copied)).isInstanceOf(FieldDecryptionFailed.class);
    }

    @Test
    void aValueInTheClearFromBeforeFieldEncryptionIsReadAsItIs() {
        // given
        EncryptedFields fields = new EncryptedFields(FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset()), "things");

        // when / then
        assertThat(fields.decrypt("t1", "secret", "张三")).isEqualTo("张三");
        assertThat(fields.underPrimaryKey("张三")).isFalse();
        assertThat(fields.decrypt("t1", "secret", null)).isNull();
    }

    @Test
    void findsTheDocumentsNotUnderThePrimaryKeyInAPlainFieldAndInAnArray() {
        // given: key 1 wrote t-old, t-clear is from before field encryption, key 2 (now primary) wrote t-new
        String keyOne = TestFieldKeys.newKeyset();
        EncryptedFields before = new EncryptedFields(FieldCipher.fromJsonKeyset(keyOne), "things");
        EncryptedFields fields = new EncryptedFields(FieldCipher.fromJsonKeyset(TestFieldKeys.withNewPrimaryKey(keyOne)),
                "things");
        things.insertOne(thing("t-old", before, "a", "b"));
        things.insertOne(new Document("_id", "t-clear").append("secret", "c")
                .append("tokens", List.of(new Document("value", "d"))));
        things.insertOne(thing("t-new", fields, "e", "f"));

        // when
        List<String> plain = EncryptedFields.idsAfter(things, fields.notUnderPrimaryKey("secret"), null, 10);
        List<String> array = EncryptedFields.idsAfter(things, fields.notUnderPrimaryKey("tokens.value"), null, 10);
        List<String> afterOld = EncryptedFields.idsAfter(things, fields.notUnderPrimaryKey("secret"), "t-clear", 10);

        // then
        assertThat(plain).containsExactly("t-clear", "t-old");
        assertThat(array).containsExactly("t-clear", "t-old");
        assertThat(afterOld).containsExactly("t-old");
    }

    @Test
    void afterTheReencryptionTheOldKeyCanBeRemovedAndEverythingStillReads() {
        // given: documents under key 1 and one in the clear; key 2 becomes primary
        String keyOne = TestFieldKeys.newKeyset();
        EncryptedFields underKeyOne = new EncryptedFields(FieldCipher.fromJsonKeyset(keyOne), "things");
        for (int i = 0; i < 150; i++) {
            things.insertOne(thing(String.format("t%03d", i), underKeyOne, "secret " + i, "token " + i));
        }
        things.insertOne(new Document("_id", "t-clear").append("secret", "in the clear").append("version", 3L)
                .append("tokens", List.of(new Document("value", "clear token"))));
        String keysOneAndTwo = TestFieldKeys.withNewPrimaryKey(keyOne);
        EncryptedFields rotated = new EncryptedFields(FieldCipher.fromJsonKeyset(keysOneAndTwo), "things");

        // when
        List<FieldReencryption.Outcome> outcomes = new FieldReencryption(List.of(new Things(things, rotated))).run();

        // then: all 151 written again under key 2, each once, with its version up by one
        assertThat(outcomes).containsExactly(new FieldReencryption.Outcome("things", 151, 0, 0));
        assertThat(things.find(eq("_id", "t-clear")).first().getLong("version")).isEqualTo(4L);
        assertThat(things.find().into(new ArrayList<>())).allSatisfy(document -> {
            assertThat(document.get("secret", Document.class).get("kid")).isEqualTo(rotated.primaryKeyId());
            assertThat(document.toJson()).doesNotContain("secret ", "token ", "in the clear");
        });
        EncryptedFields keyTwoOnly = new EncryptedFields(
                FieldCipher.fromJsonKeyset(TestFieldKeys.withOnlyThePrimaryKey(keysOneAndTwo)), "things");
        assertThat(keyTwoOnly.decrypt("t042", "secret", things.find(eq("_id", "t042")).first().get("secret")))
                .isEqualTo("secret 42");
        assertThat(keyTwoOnly.decrypt("t-clear", "secret", things.find(eq("_id", "t-clear")).first().get("secret")))
                .isEqualTo("in the clear");
    }

    @Test
    void aDocumentThatDoesNotOpenIsCountedAndLeftWhileTheRestGoesOn() {
        // given: t1 holds t2's ciphertext
        String keyOne = TestFieldKeys.newKeyset();
        EncryptedFields underKeyOne = new EncryptedFields(FieldCipher.fromJsonKeyset(keyOne), "things");
        things.insertOne(thing("t1", underKeyOne, "one", "1"));
        things.insertOne(thing("t2", underKeyOne, "two", "2"));
        things.updateOne(eq("_id", "t1"), set("secret", things.find(eq("_id", "t2")).first().get("secret")));
        EncryptedFields rotated = new EncryptedFields(FieldCipher.fromJsonKeyset(TestFieldKeys.withNewPrimaryKey(keyOne)),
                "things");

        // when
        List<FieldReencryption.Outcome> outcomes = new FieldReencryption(List.of(new Things(things, rotated))).run();

        // then
        assertThat(outcomes).containsExactly(new FieldReencryption.Outcome("things", 1, 1, 1));
        assertThat(things.find(eq("_id", "t2")).first().get("secret", Document.class).get("kid"))
                .isEqualTo(rotated.primaryKeyId());
    }

    private static Document thing(String id, EncryptedFields fields, String secret, String token) {
        return new Document("_id", id).append("secret", fields.encrypt(id, "secret", secret))
                .append("tokens", List.of(new Document("value", fields.encrypt(id, "tokens.value", token))))
                .append("version", 0L);
    }

    /** A collection as a service's adapter would go through it. */
    private record Things(MongoCollection<Document> documents, EncryptedFields fields) implements ReencryptableDocuments {

        @Override
        public String collection() {
            return "things";
        }

        @Override
        public List<String> notUnderPrimaryKey(String after, int limit) {
            return EncryptedFields.idsAfter(documents, fields.notUnderPrimaryKey("secret"), after, limit);
        }

        @Override
        public long countNotUnderPrimaryKey() {
            return documents.countDocuments(fields.notUnderPrimaryKey("secret"));
        }

        @Override
        public boolean reencrypt(String id) {
            Document read = documents.find(eq("_id", id)).first();
            if (read == null || fields.underPrimaryKey(read.get("secret"))) {
                return false;
            }
            String secret = fields.decrypt(id, "secret", read.get("secret"));
            List<Document> tokens = read.getList("tokens", Document.class).stream()
                    .map(token -> new Document("value", fields.encrypt(id, "tokens.value",
                            fields.decrypt(id, "tokens.value", token.get("value")))))
                    .toList();
            return documents.updateOne(and(eq("_id", id), eq("version", read.getLong("version"))),
                    combine(set("secret", fields.encrypt(id, "secret", secret)), set("tokens", tokens), inc("version", 1L)))
                    .getModifiedCount() == 1;
        }
    }
}
