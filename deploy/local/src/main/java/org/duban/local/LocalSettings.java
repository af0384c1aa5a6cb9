package org.duban.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the local infrastructure keeps its data and which ports it listens on, read from the
 * environment with the defaults of {@code docs/conventions.md}.
 */
record LocalSettings(Path dataDirectory, Path backupDirectory, int kafkaPort, int kafkaControllerPort, int mongoPort,
        long kafkaFlushMessages, Duration kafkaSessionTimeout) {

    /** Every local server listens on the loopback interface only. */
    static final String HOST = "127.0.0.1";

    static LocalSettings from(Map<String, String> environment) {
        Path data = Path.of(environment.getOrDefault("DUBAN_DATA_DIR", "data")).toAbsolutePath().normalize();
        String backups = environment.get("DUBAN_BACKUP_DIR");
        return new LocalSettings(
                data,
                backups == null || backups.isBlank() ? data.resolve("backups") : Path.of(backups).toAbsolutePath().normalize(),
                port(environment, "DUBAN_KAFKA_PORT", 9092),
                port(environment, "DUBAN_KAFKA_CONTROLLER_PORT", 9093),
                port(environment, "DUBAN_MONGO_PORT", 27018),
                flushMessages(environment.get("DUBAN_KAFKA_FLUSH_MESSAGES")),
                sessionTimeout(environment.get("DUBAN_KAFKA_SESSION_TIMEOUT_MS")));
    }

    /** DUBAN_KAFKA_SESSION_TIMEOUT_MS: the broker's session with its own controller (see {@link LocalKafkaBroker}). */
    private static Duration sessionTimeout(String value) {
        if (value == null || value.isBlank()) {
            return LocalKafkaBroker.SESSION_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= LocalKafkaBroker.SHORTEST_SESSION_TIMEOUT.toMillis()) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("DUBAN_KAFKA_SESSION_TIMEOUT_MS must be a number of milliseconds ("
                + LocalKafkaBroker.SHORTEST_SESSION_TIMEOUT.toMillis() + " or more), not '" + value + "'");
    }

    /** DUBAN_KAFKA_FLUSH_MESSAGES: fsync every that many records (default 1); {@code os} leaves it to the OS (Kafka's default). */
    private static long flushMessages(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        if (value.trim().equals("os")) {
            return Long.MAX_VALUE;
        }
        try {
            long messages = Long.parseLong(value.trim());
            if (messages >= 1) {
                return messages;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("DUBAN_KAFKA_FLUSH_MESSAGES must be a number of records (1 or more) or os, not '" + value + "'");
    }

    private static int port(Map<String, String> environment, String name, int defaultPort) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a port number between 1 and 65535, not '" + value + "'");
    }
}
