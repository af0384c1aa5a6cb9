package org.duban.deploy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the compose file protects its doors: users reach the gateway over TLS only, Kafka lets no one in
 * without signing in and enforces ACLs, MongoDB authenticates. Each broken rule is one sentence.
 */
final class TransportRules {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private TransportRules() {
    }

    static void problems(ComposeFile compose, List<String> problems) {
        Map<String, Map<String, Object>> services = compose.services();
        if (services.containsKey("gateway")) {
            gatewayProblems(services.get("gateway"), problems);
        }
        if (services.containsKey("kafka")) {
            kafkaProblems(ComposeFile.environment(services.get("kafka")), problems);
        }
        if (services.containsKey("mongo")) {
            mongoProblems(services.get("mongo"), problems);
        }
    }

    /** The gateway publishes its TLS port and nothing else; certificate and key are secret files. */
    private static void gatewayProblems(Map<String, Object> gateway, List<String> problems) {
        Map<String, String> environment = ComposeFile.environment(gateway);
        String tlsPort = environment.get("DUBAN_GATEWAY_TLS_PORT");
        for (Integer published : ComposeFile.publishedContainerPorts(gateway)) {
            if (tlsPort == null || !tlsPort.equals(String.valueOf(published))) {
                problems.add("gateway: publishes port " + published + " without TLS; publish only its TLS port "
                        + "(DUBAN_GATEWAY_TLS_PORT)");
            }
        }
        if (tlsPort == null) {
            return;
        }
        Map<String, String> mounted = ComposeFile.mountedSecrets(gateway);
        for (String variable : List.of("DUBAN_GATEWAY_TLS_CERTIFICATE_LOCATION", "DUBAN_GATEWAY_TLS_PRIVATE_KEY_LOCATION")) {
            String location = environment.getOrDefault(variable, "");
            String file = location.startsWith("file:/run/secrets/") ? location.substring("file:/run/secrets/".length()) : null;
            if (file == null || !mounted.containsKey(file)) {
                problems.add("gateway: " + variable + " must name a secret file it mounts (file:/run/secrets/…), not '"
                        + location + "'");
            }
        }
    }

    /**
     * Every listener another container can reach makes clients sign in (SASL); the broker authorizes with
     * ACLs and allows nothing without one; a secret (the admin's) comes from a file.
     */
    private static void kafkaProblems(Map<String, String> environment, List<String> problems) {
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String pair : environment.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",")) {
            String[] nameAndProtocol = pair.trim().split(":");
            if (nameAndProtocol.length == 2) {
                protocols.put(nameAndProtocol[0], nameAndProtocol[1]);
            }
        }
        for (String listener : environment.getOrDefault("KAFKA_LISTENERS", "").split(",")) {
            String[] parts = listener.trim().split("://", 2);
            if (parts.length != 2) {
                continue;
            }
            String host = parts[1].substring(0, Math.max(0, parts[1].lastIndexOf(':')));
            String protocol = protocols.getOrDefault(parts[0], parts[0]);
            if (!LOOPBACK.contains(host) && !protocol.startsWith("SASL_")) {
                problems.add("kafka: listener " + listener.trim() + " lets clients in without signing in (" + protocol
                        + "); use SASL_PLAINTEXT or SASL_SSL, or listen on localhost only");
            }
        }
        if (environment.getOrDefault("KAFKA_AUTHORIZER_CLASS_NAME", "").isBlank()
                || !"false".equals(environment.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"))) {
            problems.add("kafka: must enforce ACLs (KAFKA_AUTHORIZER_CLASS_NAME, "
                    + "KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND \"false\")");
        }
        environment.forEach((variable, value) -> {
            if (variable.contains("JAAS_CONFIG") || value.contains("password=")) {
                problems.add("kafka: " + variable + " holds a secret in the file; read it from a secret file");
            }
        });
    }

    /** MongoDB authenticates: a root password file, and the replica set's key file (which turns auth on). */
    private static void mongoProblems(Map<String, Object> mongo, List<String> problems) {
        Map<String, String> environment = ComposeFile.environment(mongo);
        List<String> command = mongo.get("command") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : Arrays.asList(String.valueOf(mongo.getOrDefault("command", "")).split("\\s+"));
        if (!command.contains("--keyFile") || !environment.containsKey("MONGO_INITDB_ROOT_PASSWORD_FILE")) {
            problems.add("mongo: runs without authentication (needs --keyFile and MONGO_INITDB_ROOT_PASSWORD_FILE)");
        }
    }
}
