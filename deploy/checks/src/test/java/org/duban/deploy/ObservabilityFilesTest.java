package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The compose observability profile: Prometheus scrapes every application; the dashboard shows the key figures. */
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
                "duban_supervision_assignments_overdue");
        assertThat(dashboard.path("uid").asText()).isEqualTo("duban-overview");
    }
}
