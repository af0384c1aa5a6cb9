package org.duban.intake;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.intake.cases.CaseFixtures;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.intake.cases.mongo.MongoPetitionCases;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.TestFieldKeys;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * intake-service and its field keyset at start-up (issue #13, ADR 0011), each instance started by the test
 * on a database of its own: without a keyset it does not start; started after a key rotation, it writes
 * every petitioner again under the new primary key — those under the old key and those an earlier version
 * stored in the clear — while answering for them, after which the old key can go.
 */
@EmbeddedKafka(partitions = 1)
class FieldKeysAtStartIT {

    private static final String SUPERVISOR = TestTokens.supervisor("zhang.wei");
    private static final Petitioner ZHANG = new Petitioner("张三", "110101199003071234", "13812345678");
    private static final Petitioner LI = new Petitioner("李四", null, "0571-88000000");
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void doesNotStartWithoutItsFieldKeyset(EmbeddedKafkaBroker broker) {
        // given
        String missing = "file:" + Path.of(System.getProperty("java.io.tmpdir"), UUID.randomUUID() + ".json");

        // when / then
        assertThatThrownBy(() -> start(broker, "duban_intake_nokeys", missing).close())
                .hasStackTraceContaining(missing.substring("file:".length()) + "] (DUBAN_FIELD_KEYS_LOCATION) cannot be read")
                .hasStackTraceContaining("does not start without it");
    }

    @Test
    void startedAfterARotationItEncryptsEveryPetitionerUnderTheNewKeyAndTheOldKeyCanGo(EmbeddedKafkaBroker broker) {
        // given: one matter under key 1, one stored in the clear by a version before field encryption
        String database = "duban_intake_keys_" + UUID.randomUUID().toString().substring(0, 8);
        String keyOne = TestFieldKeys.newKeyset();
        MongoPetitionCases underKeyOne = cases(client.getDatabase(database), keyOne);
        underKeyOne.add(CaseFixtures.matter("case-key-one", LI));
        MongoCollection<Document> raw = client.getDatabase(database).getCollection("cases");
        underKeyOne.add(CaseFixtures.matter("case-clear", ZHANG));
        raw.updateOne(eq("_id", "case-clear"), set("petitioner", new Document("name", ZHANG.name())
                .append("idNumber", ZHANG.idNumber()).append("phone", ZHANG.phone())));

        // when: key 2 is added as the primary key and intake starts
        String keysOneAndTwo = TestFieldKeys.withNewPrimaryKey(keyOne);
        long keyTwo = FieldCipher.fromJsonKeyset(keysOneAndTwo).primaryKeyId();
        try (ConfigurableApplicationContext intake = start(broker, database,
                "file:" + TestFieldKeys.write(keysOneAndTwo))) {
            // then: both are written again under key 2, in the background, and read as they were
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(raw.find().into(new ArrayList<>()))
                    .hasSize(2).allSatisfy(document -> assertThat(document.get("petitioner", Document.class)
                            .get("name")).isInstanceOf(Document.class).extracting("kid").isEqualTo(keyTwo)));
            HttpCalls http = new HttpCalls(port(intake));
            assertThat(http.get("/api/v1/cases/case-clear", SUPERVISOR).body().path("petitioner").toString())
                    .isEqualTo("{\"name\":\"张三\",\"idNumber\":\"110101199003071234\",\"phone\":\"13812345678\"}");
            assertThat(http.get("/api/v1/cases/case-key-one", SUPERVISOR).body().path("petitioner").path("name").asText())
                    .isEqualTo("李四");
        }
        assertThat(raw.find(eq("_id", "case-clear")).first().toJson()).doesNotContain("张三", "110101199003071234",
                "13812345678");

        // and: key 1 removed, every matter still reads
        MongoPetitionCases keyTwoOnly = cases(client.getDatabase(database),
                TestFieldKeys.withOnlyThePrimaryKey(keysOneAndTwo));
        assertThat(keyTwoOnly.find("case-clear").orElseThrow().details().petitioner()).isEqualTo(ZHANG);
        assertThat(keyTwoOnly.find("case-key-one").orElseThrow().details().petitioner()).isEqualTo(LI);
    }

    private static MongoPetitionCases cases(MongoDatabase database, String keyset) {
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of("cases"), Duration.ofSeconds(1), Duration.ofSeconds(30), 100,
                        Duration.ZERO), Clock.systemUTC(), new SimpleMeterRegistry());
        return new MongoPetitionCases(database, new AggregateWriter(relay), new PendingEvents(Clock.systemUTC()),
                FieldCipher.fromJsonKeyset(keyset));
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, String database, String keys) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.mongodb.uri=" + EmbeddedMongo.uri(),
                "--duban.mongodb.database=" + database,
                "--duban.intake.query-code.key-location=classpath:query-code-test.key",
                "--duban.field-keys.location=" + keys,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--duban.kafka.partitions=1",
                "--duban.intake.evaluation-window.sweep-enabled=false"));
        TestTokens.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(IntakeApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
