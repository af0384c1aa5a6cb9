package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * One place for the third-party images' tags, platform's container-images.properties: MongoDB and Kafka run the
 * same versions in the Testcontainers tests (which read the file), in compose and in Kubernetes (Strimzi's Kafka,
 * the MongoDB operator's replica set); every other image compose runs (the observability tools) is listed there
 * too, so no tag lives only in the compose file.
 */
class ContainerImagesTest {

    private static final String IMAGES = "platform/src/test/resources/org/duban/platform/testing/container-images.properties";

    @Test
    void composeRunsTheImagesTheContainerTestsRun() throws IOException {
        // given
        Properties images = images();
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));

        // then
        for (Map.Entry<String, Map<String, Object>> service : compose.services().entrySet()) {
            String image = String.valueOf(service.getValue().get("image"));
            if (image.startsWith("mongo:")) {
                assertThat(image).as(service.getKey()).isEqualTo(images.getProperty("mongo"));
            }
            if (image.startsWith("apache/kafka:")) {
                assertThat(image).as(service.getKey()).isEqualTo(images.getProperty("kafka"));
            }
        }
        assertThat(compose.services().values()).extracting(service -> String.valueOf(service.get("image")))
                .contains(images.getProperty("mongo"), images.getProperty("kafka"));
    }

    @Test
    void everyImageComposeRunsThatThisRepositoryDoesNotBuildIsOneOfTheListedOnes() throws IOException {
        // given
        Properties images = images();
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));

        // then
        compose.services().forEach((name, service) -> {
            if (!service.containsKey("build")) {
                assertThat(images.values()).as("%s's image %s in %s", name, service.get("image"), IMAGES)
                        .contains(service.get("image"));
            }
        });
        assertThat(compose.services().values()).extracting(service -> String.valueOf(service.get("image")))
                .as("every image listed is one compose runs")
                .containsAll(images.values().stream().map(String::valueOf).toList());
    }

    @Test
    void kubernetesRunsTheVersionsTheContainerTestsRun() throws IOException {
        // given
        Properties images = images();

        // then
        assertThat(versionIn("deploy/k8s/base/kafka/kafka.yaml", "(?m)^    version: \"?([0-9.]+)\"?$"))
                .as("Strimzi's Kafka version").isEqualTo(tag(images.getProperty("kafka")));
        assertThat(versionIn("deploy/k8s/base/mongodb/mongodb.yaml", "(?m)^  version: \"?([0-9.]+)\"?$"))
                .as("the MongoDB operator's version").isEqualTo(tag(images.getProperty("mongo")));
    }

    private static Properties images() throws IOException {
        Properties images = new Properties();
        images.load(new StringReader(Repository.read(Repository.file(IMAGES))));
        return images;
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private static String versionIn(String file, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(Repository.read(Repository.file(file)));
        assertThat(matcher.find()).as("a version in %s", file).isTrue();
        return matcher.group(1);
    }
}
