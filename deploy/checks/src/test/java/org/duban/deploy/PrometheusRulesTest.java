package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The optional Kubernetes component deploy/k8s/components/prometheus-rules: a PrometheusRule with the very alert
 * rules compose's Prometheus loads (deploy/compose/alerts.yml, which promtool checks and tests), and a PodMonitor
 * that scrapes the applications the way compose does, so that the rules' labels (job, service) mean the same.
 */
class PrometheusRulesTest {

    private static final String COMPONENT = "deploy/k8s/components/prometheus-rules";

    @Test
    @SuppressWarnings("unchecked")
    void thePrometheusRuleHoldsTheAlertGroupsOfComposeUnchanged() {
        // given
        Map<String, Object> compose = yaml(Repository.read(Repository.file("deploy/compose/alerts.yml")));
        Map<String, Object> rule = yaml(Repository.read(Repository.file(COMPONENT + "/prometheus-rule.yaml")));

        // then
        assertThat(rule).containsEntry("apiVersion", "monitoring.coreos.com/v1").containsEntry("kind", "PrometheusRule");
        assertThat(((Map<String, Object>) rule.get("spec")).get("groups")).isEqualTo(compose.get("groups"))
                .asList().isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangedAlertInOnlyOneOfTheTwoFilesIsFound() {
        // given
        Map<String, Object> compose = yaml(Repository.read(Repository.file("deploy/compose/alerts.yml"))
                .replace("> 1000", "> 5000"));
        Map<String, Object> rule = yaml(Repository.read(Repository.file(COMPONENT + "/prometheus-rule.yaml")));

        // then
        assertThat(((Map<String, Object>) rule.get("spec")).get("groups")).isNotEqualTo(compose.get("groups"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverlayWithTheComponentRendersAndItsPodMonitorScrapesEveryApplicationsManagementPortAsJobDuban(
            @TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("kubectl"), "kubectl is not installed: SKIPPED");
        // given: an overlay of the production one with the component, as an office would write it
        Path root = dir.toRealPath().relativize(Repository.ROOT.toRealPath());
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: duban
                resources:
                  - %s/deploy/k8s/overlays/production
                components:
                  - %s/%s
                """.formatted(root, root, COMPONENT));

        // when
        Repository.Run run = Repository.run(Duration.ofSeconds(60), "kubectl", "kustomize", dir.toString());

        // then
        assertThat(run.ok()).as("kubectl kustomize: %s", run.stderr()).isTrue();
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(run.stdout())
                .forEach(object -> objects.add((Map<String, Object>) object));
        Map<String, Object> podMonitor = only(objects, "PodMonitor");
        Map<String, Object> spec = (Map<String, Object>) podMonitor.get("spec");
        assertThat(spec).containsEntry("jobLabel", "app.kubernetes.io/part-of");
        Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("podMetricsEndpoints")).get(0);
        assertThat(endpoint).containsEntry("path", "/actuator/prometheus");
        List<Map<String, Object>> deployments = objects.stream().filter(object -> "Deployment".equals(object.get("kind"))).toList();
        assertThat(deployments).hasSize(ManifestRules.APPLICATIONS.size()).allSatisfy(deployment -> {
            Map<String, Object> template = (Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template");
            Map<String, Object> metadata = (Map<String, Object>) template.get("metadata");
            assertThat((Map<String, String>) metadata.get("labels")).containsAllEntriesOf(selector)
                    .containsEntry("app.kubernetes.io/part-of", "duban");
            List<Map<String, Object>> containers = (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
            assertThat(containers).flatExtracting(container -> (List<Map<String, Object>>) container.get("ports"))
                    .contains(Map.of("name", endpoint.get("port"), "containerPort", NetworkRules.MANAGEMENT));
        });
        Map<String, Object> rule = only(objects, "PrometheusRule");
        assertThat(((Map<String, Object>) rule.get("metadata")).get("namespace")).isEqualTo("duban");
        assertThat(((Map<String, Object>) rule.get("spec")).get("groups"))
                .isEqualTo(yaml(Repository.read(Repository.file("deploy/compose/alerts.yml"))).get("groups"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }
}
