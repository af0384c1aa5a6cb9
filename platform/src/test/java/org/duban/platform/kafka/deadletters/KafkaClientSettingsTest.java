package org.duban.platform.kafka.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command reaches Kafka with the settings the services use, and a command-config file wins. */
class KafkaClientSettingsTest {

    @Test
    void signsInWithScramAsTheGivenUserWithThePasswordFileAndTrustsTheClusterCa(@TempDir Path dir) throws Exception {
        // given
        Path password = Files.writeString(dir.resolve("kafka_password"), "s3cret\n");
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "duban-kafka-bootstrap:9093",
                "DUBAN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "DUBAN_KAFKA_USERNAME", "dead-letters",
                "DUBAN_KAFKA_PASSWORD_FILE", password.toString(), "SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PEM",
                "SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "file:/etc/duban/kafka-ca/ca.crt");

        // when
        Map<String, Object> settings = KafkaClientSettings.of(DeadLetterArguments.parse("list"), env);

        // then
        assertThat(settings).containsEntry("bootstrap.servers", "duban-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"dead-letters\" password=\"s3cret\";")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/duban/kafka-ca/ca.crt");
    }

    @Test
    void aCommandConfigFileOverridesTheEnvironmentAndBootstrapOverridesBoth(@TempDir Path dir) throws Exception {
        // given
        Path config = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SSL\nbootstrap.servers=from-file:9093\nssl.truststore.location=/tmp/ca.crt\n");
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "from-env:9092");

        // when
        Map<String, Object> fromFile = KafkaClientSettings.of(
                DeadLetterArguments.parse("list", "--command-config", config.toString()), env);
        Map<String, Object> fromArgument = KafkaClientSettings.of(
                DeadLetterArguments.parse("list", "--command-config", config.toString(), "--bootstrap", "given:9092"), env);

        // then
        assertThat(fromFile).containsEntry("security.protocol", "SSL").containsEntry("bootstrap.servers", "from-file:9093")
                .containsEntry("ssl.truststore.location", "/tmp/ca.crt");
        assertThat(fromArgument).containsEntry("bootstrap.servers", "given:9092");
    }

    @Test
    void refusesSaslWithoutAUserOrAReadablePasswordFile(@TempDir Path dir) {
        // given
        Map<String, String> noUser = Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9093", "DUBAN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        Map<String, String> noFile = Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9093", "DUBAN_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "DUBAN_KAFKA_USERNAME", "dead-letters", "DUBAN_KAFKA_PASSWORD_FILE", dir.resolve("missing").toString());

        // then
        assertThatThrownBy(() -> KafkaClientSettings.of(DeadLetterArguments.parse("list"), noUser))
                .hasMessageContaining("needs DUBAN_KAFKA_USERNAME");
        assertThatThrownBy(() -> KafkaClientSettings.of(DeadLetterArguments.parse("list"), noFile))
                .hasMessageContaining("cannot read the Kafka password file");
    }
}
