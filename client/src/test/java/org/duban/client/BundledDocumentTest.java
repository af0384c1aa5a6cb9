package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document the client is generated from — bundled by the build from the five contract documents and shipped in
 * the jar as META-INF/duban/duban-api.yaml — holds every operation of the five, as each of them declares it.
 */
class BundledDocumentTest {

    static final List<String> CONTRACT_DOCUMENTS =
            List.of("intake.yaml", "supervision.yaml", "notification.yaml", "reporting.yaml", "gateway.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode bundle;
    private static Map<String, JsonNode> contracts;

    @BeforeAll
    static void read() throws IOException {
        bundle = bundle();
        contracts = new TreeMap<>();
        Path dir = Path.of(System.getProperty("duban.contracts.dir"), "openapi");
        for (String name : CONTRACT_DOCUMENTS) {
            contracts.put(name, YAML.readTree(dir.resolve(name).toFile()));
        }
    }

    static JsonNode bundle() throws IOException {
        try (InputStream in = BundledDocumentTest.class.getResourceAsStream("/META-INF/duban/duban-api.yaml")) {
            assertThat(in).as("META-INF/duban/duban-api.yaml in the client's jar").isNotNull();
            return YAML.readTree(in);
        }
    }

    @Test
    void holdsEveryOperationOfTheFiveContractDocumentsAndNoOther() {
        // given
        List<String> expected = new ArrayList<>();
        contracts.values().forEach(document -> operations(document).values()
                .forEach(operation -> expected.add(operation.get("operationId").asText())));

        // when
        List<String> bundled = new ArrayList<>();
        operations(bundle).values().forEach(operation -> bundled.add(operation.get("operationId").asText()));

        // then
        assertThat(expected).hasSizeGreaterThanOrEqualTo(60);
        assertThat(bundled).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void holdsEachOperationAtTheMethodAndPathItsDocumentGivesIt() {
        // given
        Map<String, String> expected = new TreeMap<>();
        contracts.values().forEach(document -> operations(document)
                .forEach((call, operation) -> expected.put(call, operation.get("operationId").asText())));

        // when
        Map<String, String> bundled = new TreeMap<>();
        operations(bundle).forEach((call, operation) -> bundled.put(call, operation.get("operationId").asText()));

        // then
        assertThat(bundled).isEqualTo(expected);
    }

    @Test
    void asksForTheBearerTokenWhereItsDocumentDoesAndNowhereElse() {
        // given: an operation's own security, else its document's, else none
        Map<String, JsonNode> expected = new TreeMap<>();
        contracts.values().forEach(document -> operations(document).forEach((call, operation) ->
                expected.put(call, security(operation, document))));

        // when
        Map<String, JsonNode> bundled = new TreeMap<>();
        operations(bundle).forEach((call, operation) -> bundled.put(call, security(operation, bundle)));

        // then
        assertThat(bundled).isEqualTo(expected);
        assertThat(expected.values()).filteredOn(JsonNode::isEmpty).hasSize(3);
    }

    @Test
    void namesOneServerAndOneSecurityScheme() {
        assertThat(bundle.get("servers")).hasSize(1);
        assertThat(names(bundle.at("/components/securitySchemes"))).containsExactly("bearer");
        assertThat(bundle.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void holdsEverySchemaOfTheFiveDocumentsAndRefersOnlyWithinItself() {
        // given
        Set<String> expected = new HashSet<>();
        contracts.values().forEach(document -> expected.addAll(names(document.at("/components/schemas"))));

        // then
        assertThat(names(bundle.at("/components/schemas"))).containsAll(expected).contains("Problem", "PageInfo");
        assertThat(bundle.findValuesAsText("$ref")).allMatch(ref -> ref.startsWith("#/components/"));
    }

    /** "METHOD path" → operation. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(item -> {
            if (item.getValue().has("operationId")) {
                operations.put(item.getKey().toUpperCase() + " " + path.getKey(), item.getValue());
            }
        }));
        return operations;
    }

    private static JsonNode security(JsonNode operation, JsonNode document) {
        JsonNode declared = operation.has("security") ? operation.get("security") : document.get("security");
        return declared == null ? JsonNodeFactory.instance.arrayNode() : declared;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
