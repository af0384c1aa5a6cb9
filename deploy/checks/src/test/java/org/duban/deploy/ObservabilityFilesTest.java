package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The compose observability profile: Prometheus scrapes every application and alerts on what ops must know;
 * the dashboard shows the key figures; the OpenTelemetry collector takes the applications' spans to Jaeger.
 */
class ObservabilityFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheActuatorOfEveryApplicationOnItsManagementPortInTheComposeFile() {
        // given
        Map<String, Object> prometheus = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read(Repository.file("deploy/compose/prometheus.yml")));
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));

        // when
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) config.get("targets"));
            }
        }

        // then
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                compose.applications().keySet().stream().map(name -> name + ":" + NetworkRules.MANAGEMENT).toList());
        assertThat(Repository.read(Repository.file("Dockerfile")))
                .as("the image's management port, which compose leaves as it is")
                .containsPattern("(?m)^ENV .*MANAGEMENT_SERVER_PORT=" + NetworkRules.MANAGEMENT + "\\b");
        compose.applications().forEach((name, service) -> assertThat(ComposeFile.environment(service)).as(name)
                .doesNotContainKey("MANAGEMENT_SERVER_PORT"));
    }

    @Test
    void theDashboardShowsRequestsLatencyConsumerLagOutboxBacklogDeliveryFailuresAndOverdueAssignments() throws Exception {
        // given
        JsonNode dashboard = new ObjectMapper().readTree(
                Repository.read(Repository.file("deploy/compose/grafana/dashboards/duban-overview.json")));

        // when
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> expressions.add(target.path("expr").asText())));

        // then
        assertThat(String.join("\n", expressions)).contains("http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "kafka_consumer_fetch_manager_records_lag",
                "duban_outbox_backlog", "duban_notification_deliveries_failed_total",
                "duban_supervision_assignments_overdue", "resilience4j_circuitbreaker_state", "duban_kafka_dead_letters",
                "resilience4j_bulkhead_available_concurrent_calls");
        assertThat(expressions).as("gauges of what a whole database or topic holds: every replica reports the "
                        + "same figure, so the panels take the max over replicas, never the sum")
                .noneMatch(expression -> expression.matches(
                        "(?s).*\\bsum\\s*(by\\s*\\([^)]*\\)\\s*)?\\(\\s*(duban_outbox_backlog|duban_supervision_assignments_overdue|duban_kafka_dead_letters)\\b.*"));
        assertThat(dashboard.path("uid").asText()).isEqualTo("duban-overview");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusLoadsTheAlertRulesThatTheComposeFileMounts() {
        // given
        Map<String, Object> prometheus = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repository.read(Repository.file("deploy/compose/prometheus.yml")));

        // then
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("alerts.yml");
        assertThat(Repository.read(Repository.file("docker-compose.yml")))
                .contains("./deploy/compose/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    void theAlertRulesAreValidAndEachFiresOnWhatItIsNamedAfterInPromtoolsUnitTests() {
        assumeTrue(Repository.onPath("promtool"),
                "promtool is not installed (Debian package prometheus; .ci/run installs it): alert rule checks SKIPPED");

        // when
        Repository.Run check = Repository.run(Duration.ofMinutes(1), "promtool", "check", "rules", "deploy/compose/alerts.yml");
        Repository.Run test = Repository.run(Duration.ofMinutes(1), "promtool", "test", "rules", "deploy/compose/alerts-test.yml");

        // then
        assertThat(check.ok()).as("promtool check rules: %s%s", check.stdout(), check.stderr()).isTrue();
        assertThat(test.ok()).as("promtool test rules: %s%s", test.stdout(), test.stderr()).isTrue();
        assertThat(Repository.read(Repository.file("deploy/compose/alerts-test.yml")))
                .as("every alert has a unit test")
                .contains("alertname: DubanApplicationDown", "alertname: DubanCircuitBreakerOpen",
                        "alertname: DubanDeadLetters", "alertname: DubanOutboxNotDraining", "alertname: DubanConsumerLag",
                        "alertname: DubanOverdueAssignmentsRising");
    }

    @Test
    void everyApplicationLogsOneEcsJsonObjectPerLineInComposeAndKubernetes() {
        // given
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));
        String kustomization = Repository.read(Repository.file("deploy/k8s/base/kustomization.yaml"));

        // then
        compose.applications().forEach((name, service) -> assertThat(ComposeFile.environment(service)).as(name)
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
        List<String> maps = List.of(kustomization.split("\n  - name: duban-[a-z]+-config\n"));
        assertThat(maps).hasSize(4);
        assertThat(maps.subList(1, maps.size())).as("every configuration map")
                .allSatisfy(map -> assertThat(map).containsPattern("- LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs(\\n|$)"));
    }

    @Test
    void theCollectorReceivesTheApplicationsSpansAndExportsThemToJaeger() {
        // given
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));
        CollectorConfig collector = CollectorConfig.parse(Repository.read(Repository.file("deploy/compose/otel-collector.yml")));

        // then
        assertThat(collector.problems(compose)).isEmpty();
        assertThat(compose.services().get(CollectorConfig.COLLECTOR).get("volumes")).asList()
                .contains("./deploy/compose/otel-collector.yml:/etc/otelcol-contrib/config.yaml:ro");
        assertThat(compose.services().get(CollectorConfig.COLLECTOR).get("command")).asList()
                .containsExactly("--config=/etc/otelcol-contrib/config.yaml");
        for (String tool : List.of("prometheus", "grafana", CollectorConfig.COLLECTOR, CollectorConfig.JAEGER)) {
            assertThat(compose.services().get(tool).get("profiles")).as(tool).isEqualTo(List.of("observability"));
        }
        assertThat(compose.services().get(CollectorConfig.COLLECTOR)).as("nothing of the collector is published")
                .doesNotContainKey("ports");
    }

    @Test
    void findsACollectorThatExportsElsewhereThanJaegerAndApplicationsThatSendElsewhere() {
        // given
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml"))
                .replace("http://otel-collector:4318/v1/traces", "http://otel-collector:4317/v1/traces"));
        CollectorConfig collector = CollectorConfig.parse(Repository.read(Repository.file("deploy/compose/otel-collector.yml"))
                .replace("endpoint: jaeger:4317", "endpoint: tempo:4317")
                .replace("processors: [batch]", "processors: []"));

        // then
        assertThat(collector.problems(compose)).contains("the traces pipeline does not batch",
                "the traces pipeline exports with otlp/jaeger to tempo:4317, not over OTLP/gRPC to jaeger:4317",
                "gateway: sends spans to http://otel-collector:4317/v1/traces, not to the collector's OTLP/HTTP "
                        + "receiver (otel-collector:4318/v1/traces)");
    }

    @Test
    void jaegersUiWhichHasNoSignInIsPublishedOnTheLoopbackOnly() {
        // given
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));

        // then
        assertThat(compose.services().get(CollectorConfig.JAEGER).get("ports")).asList().singleElement()
                .isEqualTo("127.0.0.1:16686:16686");
    }

    @Test
    void theObservabilityProfileIsStartedWithTracingExportSwitchedOn() {
        // given: compose cannot change the applications' environment by profile, so the commands that start
        // the profile say DUBAN_TRACING_EXPORT=true (off by default: without the profile there is no collector)
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));

        // then
        compose.applications().forEach((name, service) -> assertThat(ComposeFile.environment(service)).as(name)
                .containsEntry("DUBAN_TRACING_EXPORT", "false"));
        assertThat(Repository.read(Repository.file("docker-compose.yml")))
                .contains("DUBAN_TRACING_EXPORT=true docker-compose --profile observability up -d");
        assertThat(Repository.read(Repository.file("README.md")))
                .contains("DUBAN_TRACING_EXPORT=true docker-compose --profile observability up -d")
                .doesNotContainPattern("(?m)^docker-compose --profile observability");
    }
}
