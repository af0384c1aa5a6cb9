package org.duban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every event record and its JSON Schema describe the same thing. */
class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://duban.example.org/schemas/", "classpath:")));

    static Stream<EventType> eventTypes() {
        return EventCatalog.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everySampleOfARecordValidatesAgainstItsSchema(EventType type) {
        // given
        Schema schema = schemaOf(type);
        List<DubanEvent> samples = EventSamples.BY_TYPE.get(type.name());
        assertThat(samples).as("samples of %s", type.name()).isNotEmpty();

        for (DubanEvent sample : samples) {
            // when
            List<Error> errors = schema.validate(JSON.writeValueAsString(sample), InputFormat.JSON);

            // then
            assertThat(errors).as("%s against %s", sample, type.schemaResource()).isEmpty();
            assertThat(sample.getClass()).isEqualTo(type.recordType());
            assertThat(JSON.readValue(JSON.writeValueAsString(sample), type.recordType())).isEqualTo(sample);
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaPropertiesAreExactlyTheRecordComponents(EventType type) {
        // given
        JsonNode schema = readJson(type.schemaResource());

        // when
        Set<String> properties = new HashSet<>(schema.get("properties").propertyNames());
        Set<String> components = Arrays.stream(type.recordType().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());

        // then
        assertThat(properties).isEqualTo(components);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("title").asString()).isEqualTo(type.recordType().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaRejectsAnEventWithoutItsRequiredFieldsOrWithAnUnknownOne(EventType type) {
        // given
        Schema schema = schemaOf(type);
        DubanEvent sample = EventSamples.BY_TYPE.get(type.name()).get(0);
        ObjectNode valid = (ObjectNode) JSON.valueToTree(sample);
        JsonNode required = readJson(type.schemaResource()).get("required");
        assertThat(required.size()).isPositive();

        for (JsonNode field : required) {
            // when
            ObjectNode missing = valid.deepCopy();
            missing.remove(field.asString());

            // then
            assertThat(schema.validate(missing)).as("without %s", field).isNotEmpty();
        }
        ObjectNode unknown = valid.deepCopy();
        unknown.put("petitionerName", "张三");
        assertThat(schema.validate(unknown)).isNotEmpty();
    }

    @Test
    void everySchemaFileBelongsToACatalogEntry() throws IOException {
        // given
        Set<String> catalogued = EventCatalog.ALL.stream()
                .map(type -> type.name() + ".schema.json").collect(Collectors.toSet());

        // when
        Set<String> files;
        try (Stream<Path> listing = Files.list(resourceDirectory("events"))) {
            files = listing.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("duban.")).collect(Collectors.toSet());
        }

        // then
        assertThat(files).isEqualTo(catalogued);
    }

    @Test
    void eventTypeNamesAreLogicalAndVersioned() {
        assertThat(EventCatalog.ALL).allSatisfy(type -> {
            assertThat(type.name()).matches("duban\\.[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(type.name()).doesNotContain(type.recordType().getSimpleName());
        });
        assertThat(EventCatalog.ALL).extracting(EventType::name).doesNotHaveDuplicates();
    }

    private static Schema schemaOf(EventType type) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()));
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resourceDirectory(String name) {
        URL url = EventContractTest.class.getClassLoader().getResource(name);
        assertThat(url).as(name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
