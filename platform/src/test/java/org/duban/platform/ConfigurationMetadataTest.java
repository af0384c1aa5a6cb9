package org.duban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.duban.platform.outbox.OutboxProperties;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration processor describes every {@code duban.*} property of this module in
 * META-INF/spring-configuration-metadata.json (IDE completion and documentation; root pom), from the javadoc of
 * the properties records.
 */
class ConfigurationMetadataTest {

    @Test
    void describesEveryDubanPropertyOfThisModule() throws URISyntaxException {
        // given
        Path classes = Path.of(OutboxProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        // when
        JsonNode metadata = JsonMapper.builder().build()
                .readTree(classes.resolve("META-INF/spring-configuration-metadata.json").toFile());

        // then
        List<String> groups = new ArrayList<>();
        metadata.path("groups").forEach(group -> groups.add(group.path("name").asString()));
        assertThat(groups).contains("duban.field-keys", "duban.kafka", "duban.outbox", "duban.security.token");
        List<String> properties = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        metadata.path("properties").forEach(property -> {
            String name = property.path("name").asString();
            if (name.startsWith("duban.")) {
                properties.add(name);
                if (property.path("description").asString("").isBlank()) {
                    undescribed.add(name);
                }
            }
        });
        assertThat(properties).isNotEmpty();
        assertThat(undescribed).as("duban.* properties without a description (javadoc @param)").isEmpty();
    }
}
