package org.duban.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.bson.Document;
import org.duban.platform.testing.EmbeddedMongo;
import org.duban.platform.testing.RecordingTracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreCommandSpansTest {

    private final RecordingTracing tracing = new RecordingTracing();
    private final Tracer tracer = tracing.tracer();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(EmbeddedMongo.uri()))
            .addCommandListener(new StoreCommandSpans(tracer))
            .build());
    private final String databaseName = "spans_" + UUID.randomUUID().toString().replace("-", "");
    private final MongoDatabase database = client.getDatabase(databaseName);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void eachCommandWithinASampledTraceIsAClientSpanOfTheCurrentSpanNamedByCommandAndCollection() {
        // given
        Span request = tracer.nextSpan().name("request").start();

        // when
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            database.getCollection("assignments").insertOne(new Document("_id", "a-1").append("petitioner", "张三"));
            database.getCollection("assignments").find(new Document("petitioner", "张三")).first();
        } finally {
            request.end();
        }

        // then
        List<SpanData> commands = tracing.ended().stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(commands).extracting(SpanData::getName).containsExactly("insert assignments", "find assignments");
        SpanData insert = commands.get(0);
        assertThat(insert.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(insert.getTraceId()).isEqualTo(request.context().traceId());
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.system.name"))).isEqualTo("mongodb");
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.namespace"))).isEqualTo(databaseName);
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isEqualTo("assignments");
        assertThat(insert.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("insert");
        assertThat(commands).allSatisfy(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            assertThat(span.getAttributes().asMap().values()).noneMatch(value -> value.toString().contains("张三"));
            assertThat(span.getEvents()).isEmpty();
        });
    }

    @Test
    void aCursorsNextBatchIsNamedByItsCollection() {
        // given
        List<Document> many = IntStream.range(0, 5).mapToObj(i -> new Document("_id", i)).toList();
        database.getCollection("deliveries").insertMany(many);
        Span request = tracer.nextSpan().name("request").start();

        // when: a first batch of two, then the rest fetched by getMore
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            database.getCollection("deliveries").find().batchSize(2).into(new ArrayList<>());
        } finally {
            request.end();
        }

        // then
        List<SpanData> commands = tracing.ended().stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(commands).extracting(SpanData::getName).contains("find deliveries", "getMore deliveries");
        AttributeKey<String> collection = AttributeKey.stringKey("db.collection.name");
        assertThat(commands).filteredOn(span -> span.getName().startsWith("getMore"))
                .allSatisfy(span -> assertThat(span.getAttributes().get(collection)).isEqualTo("deliveries"));
    }

    @Test
    void aCommandTheStoreRefusesEndsItsSpanWithTheError() {
        // given
        Span request = tracer.nextSpan().name("request").start();

        // when
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            assertThatThrownBy(() -> database.runCommand(new Document("noSuchCommand", 1)))
                    .isInstanceOf(MongoCommandException.class);
        } finally {
            request.end();
        }

        // then
        SpanData refused = tracing.ended().stream().filter(span -> span.getKind() == SpanKind.CLIENT)
                .findFirst().orElseThrow();
        assertThat(refused.getName()).isEqualTo("noSuchCommand");
        assertThat(refused.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isNull();
        assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(refused.getEvents()).singleElement().satisfies(exception -> assertThat(
                exception.getAttributes().get(AttributeKey.stringKey("exception.message")))
                .startsWith("noSuchCommand failed: ").doesNotContain("$db", databaseName));
        assertThat(refused.hasEnded()).isTrue();
    }

    @Test
    void makesNoSpanOutsideATraceNorInATraceThatIsNotSampled() {
        // when: no current span, then a current span whose trace is not sampled
        database.getCollection("deliveries").insertOne(new Document("_id", "d-1"));
        tracing.traces().within("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
                () -> database.getCollection("deliveries").find().first());

        // then
        assertThat(tracing.ended()).isEmpty();
        assertThat(database.getCollection("deliveries").countDocuments()).isEqualTo(1);
    }
}
