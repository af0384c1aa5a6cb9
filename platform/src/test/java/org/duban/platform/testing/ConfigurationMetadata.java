package org.duban.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the configuration processor wrote for a module (META-INF/spring-configuration-metadata.json beside its
 * classes; root pom), for the modules' ConfigurationMetadataTest: IDE completion and documentation come from
 * the javadoc of the properties records.
 */
public final class ConfigurationMetadata {

    private ConfigurationMetadata() {
    }

    /**
     * Asserts that the metadata of the module holding {@code anyClassOfTheModule} has the {@code groups} and a
     * description for every {@code duban.*} property.
     */
    public static void assertDescribesEveryDubanProperty(Class<?> anyClassOfTheModule, String... groups) {
        JsonNode metadata = JsonMapper.builder().build()
                .readTree(classesOf(anyClassOfTheModule).resolve("META-INF/spring-configuration-metadata.json").toFile());
        List<String> found = new ArrayList<>();
        metadata.path("groups").forEach(group -> found.add(group.path("name").asString()));
        assertThat(found).contains(groups);
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

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
