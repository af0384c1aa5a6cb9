package org.duban.platform.kafka.deadletters;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The Kafka client properties of the command, read as the services read theirs
 * (platform's duban-platform-defaults.yml): {@code KAFKA_BOOTSTRAP_SERVERS}, {@code DUBAN_KAFKA_SECURITY_PROTOCOL}
 * (PLAINTEXT unless said), SCRAM-SHA-512 as {@code DUBAN_KAFKA_USERNAME} with the password from the file
 * {@code DUBAN_KAFKA_PASSWORD_FILE} (default {@code /run/secrets/kafka_password}, where compose and Kubernetes mount
 * it), the trust store from {@code SPRING_KAFKA_SSL_TRUSTSTORETYPE}/{@code _LOCATION}. A {@code --command-config}
 * file (Java properties, like Kafka's own tools take) overrides any of them; {@code --bootstrap} overrides both.
 */
final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    static Map<String, Object> of(DeadLetterArguments arguments, Map<String, String> env) {
        Map<String, Object> properties = new HashMap<>();
        put(properties, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        String protocol = env.getOrDefault("DUBAN_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL_")) {
            String username = env.get("DUBAN_KAFKA_USERNAME");
            if (username == null || username.isBlank()) {
                throw DeadLetterCommandException.usage(protocol + " needs DUBAN_KAFKA_USERNAME (the Kafka user the command signs in as)");
            }
            Path passwordFile = Path.of(env.getOrDefault("DUBAN_KAFKA_PASSWORD_FILE", "/run/secrets/kafka_password"));
            properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"" + username + "\" password=\"" + password(passwordFile) + "\";");
        }
        put(properties, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, env.get("SPRING_KAFKA_SSL_TRUSTSTORETYPE"));
        String truststore = env.get("SPRING_KAFKA_SSL_TRUSTSTORELOCATION");
        put(properties, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                truststore != null && truststore.startsWith("file:") ? truststore.substring("file:".length()) : truststore);
        if (arguments.commandConfig() != null) {
            commandConfig(arguments.commandConfig()).forEach((key, value) -> properties.put((String) key, value));
        }
        put(properties, CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, arguments.bootstrap());
        if (!properties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw DeadLetterCommandException.usage("where is Kafka? give --bootstrap HOST:PORT or KAFKA_BOOTSTRAP_SERVERS");
        }
        return properties;
    }

    private static void put(Map<String, Object> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    private static String password(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw DeadLetterCommandException.usage("cannot read the Kafka password file " + file + " (DUBAN_KAFKA_PASSWORD_FILE): " + e);
        }
    }

    private static Properties commandConfig(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw DeadLetterCommandException.usage("cannot read --command-config " + file + ": " + e);
        }
        return properties;
    }

    /** Reads to the end without a group: nothing committed, only committed records. */
    static Map<String, Object> forConsumer(Map<String, Object> settings) {
        Map<String, Object> consumer = new HashMap<>(settings);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return consumer;
    }

    /** Publishes as the services do: acknowledged by all replicas, idempotent. */
    static Map<String, Object> forProducer(Map<String, Object> settings) {
        Map<String, Object> producer = new HashMap<>(settings);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return producer;
    }
}
