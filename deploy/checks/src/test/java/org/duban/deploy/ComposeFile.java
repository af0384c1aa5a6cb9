package org.duban.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A compose file as the checks see it: parsed with YAML merge keys resolved and every
 * {@code ${VAR:-default}} replaced by its default (so the result does not depend on who runs it).
 */
final class ComposeFile {

    /** {@code $$} (a literal {@code $}: compose leaves what follows alone) or {@code ${NAME}}, {@code ${NAME:-default}}. */
    private static final String FIELD_KEYS_SUFFIX = "field_keys";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");
    /** A Spring placeholder naming a secret file of the config tree, e.g. {@code ${mongodb_password}}. */
    private static final Pattern SECRET_PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9_]+)}");
    private static final Pattern URI_CREDENTIALS = Pattern.compile("^[a-z+]+://([^:@/]+):([^@/]*)@");
    private static final String SECRETS_TREE = "configtree:/run/secrets/";
    private static final Set<String> WAITS = Set.of("service_healthy", "service_completed_successfully");
    /** mongo is healthy only once mongo-init made it a replica set: mongo-init waits for it to run, not to be healthy. */
    private static final Set<String> MAY_WAIT_FOR_START = Set.of("mongo-init->mongo");
    /** Services that may publish ports on the host: the way in, and the observability tools. */
    private static final Set<String> PUBLISHED = Set.of("gateway", "prometheus", "grafana", "jaeger");
    /**
     * Services whose image cannot run a health check: the OpenTelemetry collector's is distroless (no shell,
     * no HTTP client, and no command of the collector asks its health_check extension). Nothing may wait for
     * them to be healthy, which they never become.
     */
    static final Set<String> NO_HEALTH_CHECK = Set.of("otel-collector");
    /** Every application's management port in its container (the image's MANAGEMENT_SERVER_PORT). */
    static final int MANAGEMENT_PORT = 9080;

    private final Map<String, Object> document;

    private ComposeFile(Map<String, Object> document) {
        this.document = document;
    }

    static ComposeFile parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) interpolate(loaded);
        return new ComposeFile(map);
    }

    @SuppressWarnings("unchecked")
    private static Object interpolate(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), interpolate(value)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ComposeFile::interpolate).toList();
        }
        if (node instanceof String text) {
            Matcher matcher = VARIABLE.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String replacement = matcher.group().equals("$$") ? "$"
                        : matcher.group(2) == null ? "" : matcher.group(2);
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            return result.toString();
        }
        return node;
    }

    Map<String, Object> document() {
        return document;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) document.getOrDefault("services", Map.of());
    }

    /** The services built from this repository's Dockerfile: Duban's own applications. */
    Map<String, Map<String, Object>> applications() {
        Map<String, Map<String, Object>> applications = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (service.containsKey("build")) {
                applications.put(name, service);
            }
        });
        return applications;
    }

    /** The environment a service sets, as a map (compose accepts a map or a list of NAME=value). */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = String.valueOf(entry).split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return result;
    }

    /** What is wrong with the file, one sentence each; empty when nothing is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (services().isEmpty()) {
            problems.add("no services");
        }
        services().forEach((name, service) -> {
            Images.unpinned((String) service.get("image")).ifPresent(why -> problems.add(name + ": " + why));
            if (!NO_HEALTH_CHECK.contains(name)) {
                healthCheckProblem(service).ifPresent(why -> problems.add(name + ": " + why));
            }
            dependencyProblems(name, service, problems);
            if (service.containsKey("ports") && !PUBLISHED.contains(name)) {
                problems.add(name + ": publishes ports, but only the gateway (and the observability tools) may");
            }
            publishedContainerPorts(service).stream().filter(port -> port == MANAGEMENT_PORT).forEach(port ->
                    problems.add(name + ": publishes its management port " + port + "; only Prometheus, inside the "
                            + "compose network, may reach it"));
            environment(service).forEach((variable, value) -> {
                boolean secretName = variable.matches(".*(PASSWORD|SECRET|PRIVATE_KEY)(?!_LOCATION|_FILE|__FILE).*");
                if (secretName && !value.isBlank()) {
                    problems.add(name + ": " + variable + " holds a secret in the file; read it from a secret file");
                }
            });
        });
        applications().forEach((name, service) -> {
            if (!(service.get("depends_on") instanceof Map<?, ?>)) {
                problems.add(name + ": an application must wait for what it needs (depends_on with conditions)");
            }
            credentialProblems(name, service, problems);
            fieldKeyProblems(name, service, problems);
        });
        ownSecretProblems(problems);
        TransportRules.problems(this, problems);
        return problems;
    }

    /** target in /run/secrets → the secret mounted there, for each secret a service mounts. */
    @SuppressWarnings("unchecked")
    static Map<String, String> mountedSecrets(Map<String, Object> service) {
        Map<String, String> mounted = new LinkedHashMap<>();
        if (service.get("secrets") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> longSyntax) {
                    Map<String, Object> secret = (Map<String, Object>) longSyntax;
                    String source = String.valueOf(secret.get("source"));
                    mounted.put(String.valueOf(secret.getOrDefault("target", source)), source);
                } else {
                    mounted.put(String.valueOf(entry), String.valueOf(entry));
                }
            }
        }
        return mounted;
    }

    /**
     * A service that uses MongoDB or Kafka signs in as a user of its own, its password a secret file read
     * as a config tree, never a value in this file.
     */
    private static void credentialProblems(String name, Map<String, Object> service, List<String> problems) {
        Map<String, String> environment = environment(service);
        Map<String, String> mounted = mountedSecrets(service);
        boolean readsTree = environment.getOrDefault("SPRING_CONFIG_IMPORT", "").contains(SECRETS_TREE);
        String mongo = environment.get("MONGODB_URI");
        if (mongo != null) {
            Matcher credentials = URI_CREDENTIALS.matcher(mongo);
            Matcher password = credentials.find() ? SECRET_PLACEHOLDER.matcher(credentials.group(2)) : null;
            if (password == null) {
                problems.add(name + ": signs in to MongoDB as no one (MONGODB_URI without a user and password)");
            } else if (!password.matches()) {
                problems.add(name + ": MONGODB_URI holds a password in the file; read it from a secret file");
            } else if (!mounted.containsKey(password.group(1)) || !readsTree) {
                problems.add(name + ": MONGODB_URI's password " + password.group(1) + " is not a secret file it reads "
                        + "(mounted in /run/secrets, SPRING_CONFIG_IMPORT " + SECRETS_TREE + ")");
            }
        }
        if (environment.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            String protocol = environment.getOrDefault("DUBAN_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            if (!protocol.startsWith("SASL_")) {
                problems.add(name + ": signs in to Kafka as no one (DUBAN_KAFKA_SECURITY_PROTOCOL " + protocol + ")");
            } else if (!mounted.containsKey("kafka_password") || !readsTree) {
                problems.add(name + ": has no Kafka password file kafka_password it reads "
                        + "(mounted in /run/secrets, SPRING_CONFIG_IMPORT " + SECRETS_TREE + ")");
            }
        }
    }

    /**
     * intake-service and notification-service read a field keyset of their own from a secret file (ADR 0011);
     * no other application mounts one.
     */
    private static void fieldKeyProblems(String name, Map<String, Object> service, List<String> problems) {
        Map<String, String> mounted = mountedSecrets(service);
        boolean holder = CredentialRules.FIELD_KEY_HOLDERS.contains(name);
        mounted.forEach((target, source) -> {
            if (source.endsWith(FIELD_KEYS_SUFFIX) && !holder) {
                problems.add(name + ": mounts a field keyset (secret " + source + ") it has no use for");
            }
        });
        if (holder) {
            String location = environment(service).getOrDefault("DUBAN_FIELD_KEYS_LOCATION", "");
            String target = location.startsWith("file:/run/secrets/") ? location.substring("file:/run/secrets/".length()) : "";
            if (!mounted.getOrDefault(target, "").endsWith(FIELD_KEYS_SUFFIX)) {
                problems.add(name + ": must read its field keyset from a secret file (DUBAN_FIELD_KEYS_LOCATION "
                        + "file:/run/secrets/<a mounted secret *" + FIELD_KEYS_SUFFIX + ">), not "
                        + (location.isEmpty() ? "none" : location));
            }
        }
    }

    /** No two services share a password file or a field keyset: each is a user of its own. */
    private void ownSecretProblems(List<String> problems) {
        for (String target : List.of("mongodb_password", "kafka_password", "field_keys")) {
            Map<String, String> ownerOfSource = new LinkedHashMap<>();
            applications().forEach((name, service) -> {
                String source = mountedSecrets(service).get(target);
                if (source != null) {
                    String other = ownerOfSource.putIfAbsent(source, name);
                    if (other != null) {
                        problems.add(name + ": shares its " + target + " (secret " + source + ") with " + other);
                    }
                }
            });
        }
    }

    /** The container ports a service publishes on the host ("8443", "443:8443", "127.0.0.1:443:8443/tcp", long syntax). */
    static List<Integer> publishedContainerPorts(Map<String, Object> service) {
        List<Integer> ports = new ArrayList<>();
        if (service.get("ports") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> longSyntax) {
                    ports.add(Integer.valueOf(String.valueOf(longSyntax.get("target"))));
                } else {
                    String[] parts = String.valueOf(entry).replaceAll("/(tcp|udp)$", "").split(":");
                    ports.add(Integer.valueOf(parts[parts.length - 1]));
                }
            }
        }
        return ports;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> healthCheckProblem(Map<String, Object> service) {
        Object healthcheck = service.get("healthcheck");
        if (!(healthcheck instanceof Map<?, ?> map)) {
            return Optional.of("no health check");
        }
        Object test = ((Map<String, Object>) map).get("test");
        if (Boolean.TRUE.equals(((Map<String, Object>) map).get("disable")) || test == null
                || (test instanceof List<?> list && (list.isEmpty() || "NONE".equals(list.get(0))))) {
            return Optional.of("health check disabled or without a test");
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static void dependencyProblems(String name, Map<String, Object> service, List<String> problems) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn == null) {
            return;
        }
        if (!(dependsOn instanceof Map<?, ?> map)) {
            problems.add(name + ": depends_on as a list only waits for start; name a condition for each");
            return;
        }
        ((Map<String, Object>) map).forEach((dependency, settings) -> {
            Object condition = settings instanceof Map<?, ?> conditions ? conditions.get("condition") : null;
            if (NO_HEALTH_CHECK.contains(dependency)) {
                problems.add(name + ": waits for " + dependency + ", which has no health check (never healthy)");
            } else if (!WAITS.contains(condition) && !MAY_WAIT_FOR_START.contains(name + "->" + dependency)) {
                problems.add(name + ": waits for " + dependency + " with condition " + condition
                        + " instead of service_healthy");
            }
        });
    }
}
