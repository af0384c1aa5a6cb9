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

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");
    private static final Set<String> WAITS = Set.of("service_healthy", "service_completed_successfully");
    /** mongo is healthy only once mongo-init made it a replica set: mongo-init waits for it to run, not to be healthy. */
    private static final Set<String> MAY_WAIT_FOR_START = Set.of("mongo-init->mongo");
    /** Services that may publish ports on the host: the way in, and the observability tools. */
    private static final Set<String> PUBLISHED = Set.of("gateway", "prometheus", "grafana");
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
                matcher.appendReplacement(result, Matcher.quoteReplacement(
                        matcher.group(2) == null ? "" : matcher.group(2)));
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
            healthCheckProblem(service).ifPresent(why -> problems.add(name + ": " + why));
            dependencyProblems(name, service, problems);
            if (service.containsKey("ports") && !PUBLISHED.contains(name)) {
                problems.add(name + ": publishes ports, but only the gateway (and the observability tools) may");
            }
            publishedContainerPorts(service).stream().filter(port -> port == MANAGEMENT_PORT).forEach(port ->
                    problems.add(name + ": publishes its management port " + port + "; only Prometheus, inside the "
                            + "compose network, may reach it"));
            environment(service).forEach((variable, value) -> {
                boolean secretName = variable.matches(".*(PASSWORD|SECRET|PRIVATE_KEY)(?!_LOCATION|__FILE).*");
                if (secretName && !value.isBlank()) {
                    problems.add(name + ": " + variable + " holds a secret in the file; read it from a secret file");
                }
            });
        });
        applications().forEach((name, service) -> {
            if (!(service.get("depends_on") instanceof Map<?, ?>)) {
                problems.add(name + ": an application must wait for what it needs (depends_on with conditions)");
            }
        });
        return problems;
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
            if (!WAITS.contains(condition) && !MAY_WAIT_FOR_START.contains(name + "->" + dependency)) {
                problems.add(name + ": waits for " + dependency + " with condition " + condition
                        + " instead of service_healthy");
            }
        });
    }
}
