package org.duban.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenTelemetry collector's configuration (deploy/compose/otel-collector.yml) against the compose file: the
 * applications' OTLP endpoint is the collector's OTLP/HTTP receiver, and its traces pipeline batches the spans
 * and exports them, over OTLP, to the Jaeger service of the same compose file.
 */
final class CollectorConfig {

    static final String COLLECTOR = "otel-collector";
    static final String JAEGER = "jaeger";
    private static final int JAEGER_OTLP_GRPC = 4317;

    private final Map<String, Object> config;

    private CollectorConfig(Map<String, Object> config) {
        this.config = config;
    }

    static CollectorConfig parse(String yaml) {
        return new CollectorConfig(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    /** What is wrong, one sentence each; empty when nothing is. */
    List<String> problems(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> pipeline = map(map(map(config, "service"), "pipelines"), "traces");
        List<String> receivers = list(pipeline, "receivers");
        List<String> exporters = list(pipeline, "exporters");
        if (!receivers.contains("otlp")) {
            problems.add("the traces pipeline does not receive OTLP");
        }
        if (!list(pipeline, "processors").contains("batch")) {
            problems.add("the traces pipeline does not batch");
        }
        String httpReceiver = String.valueOf(map(map(map(map(config, "receivers"), "otlp"), "protocols"), "http")
                .get("endpoint"));
        String httpPort = httpReceiver.substring(httpReceiver.lastIndexOf(':') + 1);
        compose.applications().forEach((name, service) -> {
            URI endpoint = URI.create(ComposeFile.environment(service).getOrDefault("DUBAN_OTLP_TRACING_ENDPOINT", ""));
            if (!COLLECTOR.equals(endpoint.getHost()) || !httpPort.equals(String.valueOf(endpoint.getPort()))
                    || !"/v1/traces".equals(endpoint.getPath())) {
                problems.add(name + ": sends spans to " + endpoint + ", not to the collector's OTLP/HTTP receiver ("
                        + COLLECTOR + ":" + httpPort + "/v1/traces)");
            }
        });
        Map<String, Object> jaeger = compose.services().get(JAEGER);
        if (jaeger == null || !String.valueOf(jaeger.get("image")).startsWith("jaegertracing/jaeger:")) {
            problems.add("compose has no service " + JAEGER + " running jaegertracing/jaeger");
        }
        if (exporters.isEmpty()) {
            problems.add("the traces pipeline exports nowhere");
        }
        for (String exporter : exporters) {
            String endpoint = String.valueOf(map(map(config, "exporters"), exporter).get("endpoint"));
            if (!(exporter.equals("otlp") || exporter.startsWith("otlp/"))
                    || !endpoint.equals(JAEGER + ":" + JAEGER_OTLP_GRPC)) {
                problems.add("the traces pipeline exports with " + exporter + " to " + endpoint + ", not over OTLP/gRPC "
                        + "to " + JAEGER + ":" + JAEGER_OTLP_GRPC);
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent != null && parent.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> list ? (List<String>) list : List.of();
    }
}
