package org.duban.intake.cases.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.cases.CaseFixtures.MARCH_SECOND;
import static org.duban.intake.cases.CaseFixtures.matter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.SealedQueryCode;
import org.duban.intake.cases.SealedQueryCodes;
import org.duban.platform.domain.Caller;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query codes on the Mongo-wire store: a sealed code kept per matter until it expires (TTL index), and a
 * matter's code hash replaced together with its event only while the matter is as it was read.
 */
class MongoQueryCodesIT {

    private static final Caller SUPERVISOR = Caller.supervisor("zhang.wei");

    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("codes");

    private MongoDatabase database;
    private MongoPetitionCases cases;
    private MongoSealedQueryCodes sealed;

    @BeforeEach
    void stores() {
        database = mongo.fresh();
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of(MongoPetitionCases.COLLECTION), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), 100, Duration.ZERO),
                Clock.systemUTC(), new SimpleMeterRegistry());
        cases = new MongoPetitionCases(database, new AggregateWriter(relay), new PendingEvents(Clock.systemUTC()),
                FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset()));
        sealed = new MongoSealedQueryCodes(database);
    }

    @Test
    void keepsOneSealedCodePerMatterUntilItExpiresAndForgetsIt() {
        // given
        Instant until = MARCH_SECOND.plus(Duration.ofDays(7));
        sealed.keep("case-1", new SealedQueryCode(new byte[] {1, 2, 3}), until);

        // when
        sealed.keep("case-1", new SealedQueryCode(new byte[] {4, 5, 6, 7}), until.plusSeconds(1));

        // then
        assertThat(sealed.find("case-1")).hasValue(new SealedQueryCodes.Kept(new SealedQueryCode(new byte[] {4, 5, 6, 7}),
                until.plusSeconds(1)));
        assertThat(database.getCollection(MongoSealedQueryCodes.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(database.getCollection(MongoSealedQueryCodes.COLLECTION).listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(index -> assertThat(index.get("expireAfterSeconds", Number.class)).isNotNull());
        sealed.forget("case-1");
        assertThat(sealed.find("case-1")).isEmpty();
    }

    @Test
    void replacesTheCodeHashWithItsEventOnlyWhileTheMatterIsAsItWasRead() {
        // given
        cases.add(matter("case-1", "小区加装电梯纠纷", MARCH_SECOND));
        PetitionCase read = cases.find("case-1").orElseThrow();
        PetitionCase readMeanwhile = cases.find("case-1").orElseThrow();

        // when
        read.reissueQueryCode("hash-new", MARCH_SECOND, SUPERVISOR.asActor());
        cases.update(read);

        // then
        assertThat(cases.find("case-1").orElseThrow().queryCodeHash()).isEqualTo("hash-new");
        assertThat(cases.findByQueryCodeHash("hash-case-1")).isEmpty();
        Document stored = database.getCollection(MongoPetitionCases.COLLECTION).find(new Document("_id", "case-1")).first();
        assertThat(stored.getLong("version")).isEqualTo(1L);
        assertThat(stored.toJson()).contains("duban.case.query-code-reissued.v1");
        readMeanwhile.reissueQueryCode("hash-other", MARCH_SECOND, SUPERVISOR.asActor());
        assertThatThrownBy(() -> cases.update(readMeanwhile))
                .isInstanceOf(AggregateWriter.ConcurrentModification.class);
        assertThat(cases.find("case-1").orElseThrow().queryCodeHash()).isEqualTo("hash-new");
    }
}
