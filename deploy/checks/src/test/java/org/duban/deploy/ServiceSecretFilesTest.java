package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A service's MongoDB and Kafka credentials as it starts in compose: the environment compose gives it and
 * the two password files it mounts, through its own application.yml and the platform's defaults (loaded
 * here as the platform's PlatformDefaults loads them, behind everything else).
 */
class ServiceSecretFilesTest {

    private static final String SERVICE = "intake-service";

    @Test
    void signsInToMongoAndKafkaAsItselfWithThePasswordsFromItsFiles(@TempDir Path secrets) throws Exception {
        // given: compose's environment for the service, its secret files where compose mounts them
        Map<String, String> composed = new HashMap<>(ComposeFile.environment(
                ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml"))).services().get(SERVICE)));
        composed.put("SPRING_CONFIG_IMPORT", composed.get("SPRING_CONFIG_IMPORT").replace("/run/secrets/", secrets + "/"));
        Files.writeString(secrets.resolve("mongodb_password"), "m0ng0pa55\n");
        Files.writeString(secrets.resolve("kafka_password"), "kafk4pa55\n");

        // when
        ConfigurableEnvironment service = serviceEnvironment(composed);

        // then
        assertThat(service.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://intake-service:m0ng0pa55@mongo:27017/"
                + "?authSource=admin&replicaSet=rs0&w=majority&readConcernLevel=majority");
        assertThat(service.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(service.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(service.getProperty("spring.kafka.properties.sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"intake-service\" "
                        + "password=\"kafk4pa55\";");
    }

    @Test
    void locallyItNeedsNoCredentialsAtAll() throws Exception {
        // when: ./duban and the tests set neither a protocol nor secret files
        ConfigurableEnvironment service = serviceEnvironment(Map.of("MONGODB_URI", "mongodb://127.0.0.1:27018"));

        // then
        assertThat(service.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://127.0.0.1:27018");
        assertThat(service.getProperty("spring.kafka.security.protocol")).isEqualTo("PLAINTEXT");
        assertThat(service.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
    }

    /** The service's configuration as it starts with this environment (and nothing else of this machine's). */
    private static ConfigurableEnvironment serviceEnvironment(Map<String, String> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("location", Map.of("spring.config.location",
                "file:" + Repository.file(SERVICE + "/src/main/resources/application.yml"))));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        for (PropertySource<?> defaults : new YamlPropertySourceLoader().load("duban-platform-defaults",
                new FileSystemResource(Repository.file("platform/src/main/resources/duban-platform-defaults.yml")))) {
            environment.getPropertySources().addLast(defaults);
        }
        return environment;
    }
}
