package org.duban.intake.cases.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.cases.CaseFixtures.matter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.crypto.FieldDecryptionFailed;
import org.duban.platform.crypto.FieldReencryption;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The petitioner in {@code cases} on the Mongo-wire store (issue #13, ADR 0011): no name, ID number or phone
 * in the clear, each field bound to its matter, matters from before field encryption still read and
 * encrypted by the re-encryption, and a key rotation after which the old key is removed.
 */
class PetitionerEncryptionIT {

    private static final Petitioner ZHANG = new Petitioner("张三", "110101199003071234", "13812345678");
    private static final Petitioner LI = new Petitioner("李四", "33010219900101123X", "0571-88000000");
    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("petitioners");

    private MongoDatabase database;
    private MongoCollection<Document> raw;
    private AggregateWriter writer;

    @BeforeEach
    void freshDatabase() {
        database = mongo.fresh();
        raw = database.getCollection(MongoPetitionCases.COLLECTION);
        writer = new AggregateWriter(new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of(MongoPetitionCases.COLLECTION), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), 100, Duration.ZERO),
                Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    @Test
    void storesNoNameIdNumberOrPhoneInTheClear() {
        // given
        String keyset = TestFieldKeys.newKeyset();
        MongoPetitionCases cases = cases(keyset);

        // when
        cases.add(matter("case-1", ZHANG));

        // then: each field is {kid, ct} under the primary key, and the raw document holds none of the values
        Document stored = raw.find(eq("_id", "case-1")).first();
        Document petitioner = stored.get("petitioner", Document.class);
        long primary = FieldCipher.fromJsonKeyset(keyset).primaryKeyId();
        for (String field : List.of("name", "idNumber", "phone")) {
            assertThat(petitioner.get(field, Document.class).keySet()).as(field).containsExactly("kid", "ct");
            assertThat(petitioner.get(field, Document.class).get("kid")).as(field).isEqualTo(primary);
        }
        assertThat(stored.toJson()).doesNotContain("张三", "110101199003071234", "13812345678");
    }

    @Test
    void readsThePetitionerBackAsRegistered() {
        // given
        MongoPetitionCases cases = cases(TestFieldKeys.newKeyset());
        cases.add(matter("case-1", ZHANG));
        cases.add(matter("case-2", new Petitioner("王五", null, null)));

        // when / then
        assertThat(cases.find("case-1").orElseThrow().details().petitioner()).isEqualTo(ZHANG);
        assertThat(cases.find("case-2").orElseThrow().details().petitioner()).isEqualTo(new Petitioner("王五", null, null));
        assertThat(raw.find(eq("_id", "case-2")).first().get("petitioner", Document.class).get("idNumber")).isNull();
    }

    @Test
    void aPetitionerCopiedFromAnotherMatterDoesNotRead() {
        // given
        MongoPetitionCases cases = cases(TestFieldKeys.newKeyset());
        cases.add(matter("case-1", ZHANG));
        cases.add(matter("case-2", LI));

        // when: someone with write access to the store moves case-1's petitioner onto case-2
        raw.updateOne(eq("_id", "case-2"), set("petitioner", raw.find(eq("_id", "case-1")).first().get("petitioner")));

        // then: case-2 does not read as petitioned by 张三
        assertThatThrownBy(() -> cases.find("case-2")).isInstanceOf(FieldDecryptionFailed.class)
                .hasMessageContaining("case-2").hasMessageNotContaining("张三");
    }

    @Test
    void aNameSwappedIntoThePhoneFieldDoesNotRead() {
        // given
        MongoPetitionCases cases = cases(TestFieldKeys.newKeyset());
        cases.add(matter("case-1", ZHANG));
        Document petitioner = raw.find(eq("_id", "case-1")).first().get("petitioner", Document.class);

        // when
        raw.updateOne(eq("_id", "case-1"), set("petitioner.phone", petitioner.get("name")));

        // then
        assertThatThrownBy(() -> cases.find("case-1")).isInstanceOf(FieldDecryptionFailed.class)
                .hasMessageContaining("petitioner.phone");
    }

    @Test
    void aMatterStoredInTheClearBeforeFieldEncryptionStillReadsAndTheReencryptionEncryptsIt() {
        // given: a matter as an earlier version stored it
        String keyset = TestFieldKeys.newKeyset();
        MongoPetitionCases cases = cases(keyset);
        cases.add(matter("case-new", LI));
        Document legacy = cases.toDocument(matter("case-old", ZHANG)).append("version", 2L)
                .append("petitioner", new Document("name", "张三").append("idNumber", "110101199003071234")
                        .append("phone", "13812345678"));
        raw.insertOne(legacy);

        // when
        PetitionCase before = cases.find("case-old").orElseThrow();
        List<FieldReencryption.Outcome> outcomes = new FieldReencryption(List.of(reencryption(keyset))).run();

        // then: read as it was, then written again encrypted, once, its version up by one; nothing lost
        assertThat(before.details().petitioner()).isEqualTo(ZHANG);
        assertThat(outcomes).containsExactly(new FieldReencryption.Outcome("cases", 1, 0, 0));
        Document stored = raw.find(eq("_id", "case-old")).first();
        assertThat(stored.toJson()).doesNotContain("张三", "110101199003071234", "13812345678");
        assertThat(stored.getLong("version")).isEqualTo(3L);
        assertThat(cases.find("case-old").orElseThrow().snapshot()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(before.snapshot());
        assertThat(cases.find("case-new").orElseThrow().details().petitioner()).isEqualTo(LI);
    }

    @Test
    void afterKeyTwoBecomesPrimaryTheReencryptionMovesEveryMatterSoThatKeyOneCanBeRemoved() {
        // given: 120 matters under key 1, and one still in the clear
        String keyOne = TestFieldKeys.newKeyset();
        MongoPetitionCases underKeyOne = cases(keyOne);
        List<PetitionCase> matters = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            PetitionCase matter = matter(String.format("case-%03d", i), new Petitioner("李" + i, null, "1380000" + i));
            matters.add(matter);
            underKeyOne.add(matter);
        }
        raw.insertOne(underKeyOne.toDocument(matter("case-clear", ZHANG)).append("version", 0L)
                .append("petitioner", new Document("name", "张三").append("idNumber", null).append("phone", null)));

        // when: key 2 is added as primary; the service restarts, reads and re-encrypts
        String keysOneAndTwo = TestFieldKeys.withNewPrimaryKey(keyOne);
        MongoPetitionCases rotated = cases(keysOneAndTwo);
        PetitionCase underOldKey = rotated.find("case-007").orElseThrow();
        List<FieldReencryption.Outcome> outcomes = new FieldReencryption(List.of(reencryption(keysOneAndTwo))).run();

        // then: before, key 1's matters read; after, all are under key 2, and key 2 alone reads every one
        assertThat(underOldKey.snapshot()).isEqualTo(matters.get(7).snapshot());
        assertThat(outcomes).containsExactly(new FieldReencryption.Outcome("cases", 121, 0, 0));
        long keyTwo = FieldCipher.fromJsonKeyset(keysOneAndTwo).primaryKeyId();
        assertThat(raw.find().into(new ArrayList<>())).allSatisfy(document -> assertThat(
                document.get("petitioner", Document.class).get("name", Document.class).get("kid")).isEqualTo(keyTwo));
        MongoPetitionCases keyTwoOnly = cases(TestFieldKeys.withOnlyThePrimaryKey(keysOneAndTwo));
        for (PetitionCase matter : matters) {
            // the same matter, written again (one version up) under key 2
            assertThat(keyTwoOnly.find(matter.id()).orElseThrow().snapshot()).usingRecursiveComparison()
                    .ignoringFields("version").isEqualTo(matter.snapshot());
        }
        assertThat(keyTwoOnly.find("case-clear").orElseThrow().details().petitioner()).isEqualTo(new Petitioner("张三", null, null));
        assertThat(new FieldReencryption(List.of(reencryption(keysOneAndTwo))).run())
                .as("a second run finds nothing left").containsExactly(new FieldReencryption.Outcome("cases", 0, 0, 0));
    }

    @Test
    void withoutTheReencryptionRemovingKeyOneLeavesItsMattersUnreadable() {
        // given
        String keyOne = TestFieldKeys.newKeyset();
        cases(keyOne).add(matter("case-1", ZHANG));

        // when: key 1 removed too early
        MongoPetitionCases keyTwoOnly = cases(TestFieldKeys.withOnlyThePrimaryKey(TestFieldKeys.withNewPrimaryKey(keyOne)));

        // then: a loud failure naming the key, never a wrong or empty petitioner
        assertThatThrownBy(() -> keyTwoOnly.find("case-1")).isInstanceOf(FieldDecryptionFailed.class)
                .hasMessageContaining("does not hold");
    }

    private MongoPetitionCases cases(String keyset) {
        return new MongoPetitionCases(database, writer, new PendingEvents(Clock.systemUTC()),
                FieldCipher.fromJsonKeyset(keyset));
    }

    private MongoPetitionerReencryption reencryption(String keyset) {
        return new MongoPetitionerReencryption(database, writer, FieldCipher.fromJsonKeyset(keyset));
    }
}
