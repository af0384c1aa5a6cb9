package org.duban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.EventType;
import org.duban.contracts.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document describes exactly the catalog: every type on its topic with its schema. */
class AsyncApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader()
                .getResourceAsStream("asyncapi/duban.asyncapi.yaml")) {
            document = new YAMLMapper().readTree(in);
        }
    }

    @Test
    void listsEveryEventTypeOnItsTopicWithItsSchema() {
        // given
        Map<String, String> topicOfMessage = new HashMap<>();
        for (JsonNode channel : document.get("channels")) {
            for (JsonNode message : channel.path("messages")) {
                topicOfMessage.put(messageName(message), channel.get("address").asString());
            }
        }

        // then
        for (EventType type : EventCatalog.ALL) {
            assertThat(topicOfMessage).as("channel of %s", type.name()).containsEntry(type.name(), type.topic());
            JsonNode message = messageNamed(type.name());
            assertThat(message.at("/payload/$ref").asString()).isEqualTo("../" + type.schemaResource());
        }
        assertThat(topicOfMessage).hasSize(EventCatalog.ALL.size());
    }

    @Test
    void namesEveryTopicAndTheDeadLetterPattern() {
        // when
        Map<String, JsonNode> byAddress = new HashMap<>();
        document.get("channels").forEach(channel -> byAddress.put(channel.get("address").asString(), channel));

        // then
        assertThat(byAddress).containsKeys(Topics.INTAKE, Topics.SUPERVISION, Topics.NOTIFICATION, "duban.{service}.dlt");
        assertThat(Topics.deadLetter("reporting-service")).isEqualTo("duban.reporting-service.dlt");
    }

    private static String messageName(JsonNode messageRef) {
        String ref = messageRef.get("$ref").asString();
        return document.at(ref.substring(1)).get("name").asString();
    }

    private static JsonNode messageNamed(String name) {
        for (JsonNode message : document.at("/components/messages")) {
            if (message.get("name").asString().equals(name)) {
                return message;
            }
        }
        throw new AssertionError("no message named " + name);
    }
}
