package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesManifestsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, ManifestRules.Expected> EXPECTED = Map.of(
            "production", new ManifestRules.Expected(3, 3, 2, 3, Set.of("/", "/api")),
            "demo", new ManifestRules.Expected(1, 1, 1, 1, Set.of()));
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    /** The overlay as kubectl renders it (once per overlay and test run). */
    static String render(String overlay) {
        assumeTrue(Repository.onPath("kubectl"), "kubectl is not installed: Kubernetes manifest checks SKIPPED");
        return RENDERED.computeIfAbsent(overlay, name -> {
            long started = System.nanoTime();
            Repository.Run run = Repository.run(TIMEOUT, "kubectl", "kustomize", "deploy/k8s/overlays/" + name);
            assertThat(run.ok()).as("kubectl kustomize %s: %s", name, run.stderr()).isTrue();
            System.out.printf("kubectl kustomize %s: %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
            return run.stdout();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void theOverlayRendersAndEveryObjectLoadsIntoItsTypedModelAndKeepsTheRules(String overlay) {
        // given
        String yaml = render(overlay);

        // when
        long started = System.nanoTime();
        TypedManifests manifests = TypedManifests.load(yaml);

        // then
        assertThat(ManifestRules.problems(manifests, EXPECTED.get(overlay))).isEmpty();
        System.out.printf("%s: %d objects loaded and checked in %d ms%n", overlay, manifests.objects().size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(manifests.objects()).hasSizeGreaterThanOrEqualTo(44);
    }

    @Test
    void theDemoRunsOneReplicaOfEachApplicationAndProductionAtLeastTwoButOneConsole() {
        assertThat(TypedManifests.load(render("demo")).ofType(Deployment.class))
                .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
        assertThat(TypedManifests.load(render("production")).ofType(Deployment.class))
                .filteredOn(deployment -> !deployment.getMetadata().getName().equals("console")).hasSize(5)
                .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(TypedManifests.load(render("production")).named(Deployment.class, "console").getSpec().getReplicas())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void theConsoleRunsOnePodWithNoAutoscalerABudgetThatAllowsADrainAndItsClientSecretAsAFile(String overlay) {
        // given
        TypedManifests manifests = TypedManifests.load(render(overlay));

        // when
        Deployment console = manifests.named(Deployment.class, "console");

        // then
        assertThat(console.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(console.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(manifests.ofType(HorizontalPodAutoscaler.class))
                .noneMatch(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals("console"));
        assertThat(manifests.named(PodDisruptionBudget.class, "console").getSpec().getMaxUnavailable().getIntVal())
                .isEqualTo(1);
        var container = console.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnv()).as("the client secret is a file, not a variable").isNullOrEmpty();
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("oidc");
            assertThat(mount.getMountPath()).isEqualTo(ConsoleSecretFileTest.SECRETS_DIR);
        });
        assertThat(console.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(volume -> {
            assertThat(volume.getSecret().getSecretName()).isEqualTo("duban-console-oidc");
            assertThat(volume.getSecret().getItems()).singleElement()
                    .satisfies(item -> assertThat(item.getPath()).isEqualTo(ConsoleSecretFileTest.SECRET_FILE));
        });
    }

    @Test
    void findsASecondConsoleReplicaAnAutoscalerForItAndAnUpdateThatStopsItBeforeStartingTheNewOne() {
        // given
        String broken = render("production").replace("""
                  name: console
                  namespace: duban
                spec:
                  replicas: 1
                  revisionHistoryLimit: 5
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: console
                  strategy:
                    rollingUpdate:
                      maxSurge: 1
                      maxUnavailable: 0
                """, """
                  name: console
                  namespace: duban
                spec:
                  replicas: 2
                  revisionHistoryLimit: 5
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: console
                  strategy:
                    rollingUpdate:
                      maxSurge: 0
                      maxUnavailable: 1
                """) + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: console
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: console}
                  minReplicas: 1
                  maxReplicas: 3
                """;

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).containsExactlyInAnyOrder(
                "Deployment console: must run exactly one replica (its sessions live in its memory), not 2",
                "Deployment console: must not be autoscaled (its sessions live in its memory)",
                "Deployment console: must update by starting a new pod before stopping an old one "
                        + "(RollingUpdate, maxSurge 1, maxUnavailable 0)");
    }

    @Test
    void findsABudgetThatBlocksDrainsAnIngressPastTheGatewayForbiddenCallsAndWrongAddresses() {
        // given
        String broken = render("production")
                .replace("  name: console\n  namespace: duban\nspec:\n  maxUnavailable: 1",
                        "  name: console\n  namespace: duban\nspec:\n  minAvailable: 1")
                .replace("            name: gateway\n            port:\n              name: http\n        path: /\n",
                        "            name: console\n            port:\n              name: http\n        path: /\n")
                .replace("          - reporting-service\n          - console\n", "          - reporting-service\n")
                .replaceFirst("(?s)(?<head>name: console-egress.*?app.kubernetes.io/name: )gateway", "${head}gatewayx")
                .replace("CONSOLE_URL: http://console:8080", "CONSOLE_URL: http://consol:8080")
                .replace("secretName: duban-console-oidc", "secretName: duban-console-oidc-typo");

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).containsExactlyInAnyOrder(
                "Deployment console: PodDisruptionBudget console lets no pod of its 1 be evicted, so it blocks every node drain",
                "Ingress gateway sends / to console; from outside only the gateway may be reached",
                "Ingress: / (Prefix) must go to the gateway",
                "gateway -> console:8080: no egress NetworkPolicy of gateway allows it",
                "console -> gateway:8080: no egress NetworkPolicy of console allows it",
                "gateway: CONSOLE_URL is http://consol:8080, but no Service consol serves port 8080",
                "Deployment console: volume oidc mounts secret duban-console-oidc-typo, which nothing makes");
    }

    @Test
    void findsUnknownFieldsMissingProbesAndWrongSizesInABrokenRendering() {
        // given: production with a misspelt probe, a field Strimzi does not know, a typo in the MongoDB resource
        String broken = render("production")
                .replaceFirst("readinessProbe:", "readinessProbez:")
                .replaceFirst("topicName: duban.intake.events", "topicName: duban.intake.events\n  retentionDays: 7")
                .replaceFirst("members: 3", "member: 3");

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown field").contains("readinessProbez"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("readiness probe missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("KafkaTopic duban-intake-events: unknown field")
                .contains("retentionDays"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("MongoDBCommunity duban-mongo: does not load")
                .contains("member"));
    }

    @Test
    void findsAnUnpinnedImageAServiceOpenToAllAndTooFewBrokers() {
        // given
        String broken = render("production")
                .replace("registry.example.org/duban/reporting-service:0.1.0", "registry.example.org/duban/reporting-service")
                .replaceFirst("(?s)(name: services-ingress.*?ingress:\\n)", "$1  - {}\n")
                .replaceFirst("(?s)(?<head>kind: KafkaNodePool.*?replicas: )3", "${head}2");

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).contains(
                "Deployment reporting-service container reporting-service: registry.example.org/duban/reporting-service has no tag (means latest)",
                "intake-service: NetworkPolicy services-ingress lets anyone in",
                "Kafka: 2 brokers in node pools, expected 3");
    }

    @Test
    void findsAManagementPortOpenToAllPublishedOrNotProbedAndPrometheusKeptOut() {
        // given
        String broken = render("production")
                .replace("""
                  name: gateway-ingress
                  namespace: duban
                spec:
                  ingress:
                  - ports:
                    - port: 8080
                      protocol: TCP
                """, """
                  name: gateway-ingress
                  namespace: duban
                spec:
                  ingress:
                  - {}
                """)
                .replaceFirst("(path: /actuator/health/liveness\n\\s+port: )management(\n\\s+periodSeconds: 10)", "$1http$2")
                .replace("""
                  ports:
                  - name: http
                    port: 8080
                    targetPort: http
                  selector:
                    app.kubernetes.io/name: gateway
                """, """
                  ports:
                  - name: http
                    port: 8080
                    targetPort: http
                  - name: management
                    port: 9080
                    targetPort: management
                  selector:
                    app.kubernetes.io/name: gateway
                """)
                .replaceFirst("(?s)(name: management-ingress.*?kubernetes.io/metadata.name: )monitoring", "$1duban");

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).contains(
                "gateway: NetworkPolicy gateway-ingress lets anyone reach its management port 9080",
                "Deployment console container console: liveness probe must ask the management port 9080, not http",
                "Service gateway publishes the management port; only the probes and Prometheus may reach it",
                "intake-service: NetworkPolicy management-ingress lets more than Prometheus (namespace monitoring) "
                        + "reach its management port 9080",
                "Prometheus -> reporting-service:9080: no ingress NetworkPolicy of reporting-service allows it");
    }

    @Test
    void findsAPlainListenerOpenToAllServicesTalkingPlainTextAndGrantsOrUsersBeyondTheirOwn() {
        // given
        String broken = render("production")
                .replace("""
                      port: 9093
                      tls: true
                      type: internal
                """, """
                      port: 9093
                      tls: false
                      type: internal
                """)
                .replace("""
                            - notification-service
                            - reporting-service
                      port: 9093
                """, """
                            - notification-service
                            - reporting-service
                            - gateway
                      port: 9093
                """)
                .replace("DUBAN_KAFKA_SECURITY_PROTOCOL: SASL_SSL", "DUBAN_KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT")
                .replaceFirst("(?s)(name: supervision-service\n  namespace: duban\nspec:\n  authentication:.*?- Describe\n      - )Read",
                        "$1Write")
                .replace("name: duban-mongo-supervision-service-connection\n", "name: duban-mongo-intake-service-connection\n")
                .replaceFirst("- db: duban_intake", "- db: duban_reporting");

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).contains(
                "Kafka listener tls: must use TLS",
                "Kafka listener tls: networkPolicyPeers let in [gateway, intake-service, notification-service, "
                        + "reporting-service, supervision-service], but the Kafka clients are [intake-service, "
                        + "notification-service, reporting-service, supervision-service]",
                "intake-service: must reach Kafka with SASL_SSL (DUBAN_KAFKA_SECURITY_PROTOCOL), not SASL_PLAINTEXT",
                "KafkaUsers: missing supervision-service topic duban.intake.events Describe,Read (" + KafkaAccess.FILE + ")",
                "KafkaUsers: grant supervision-service topic duban.intake.events Describe,Write beyond " + KafkaAccess.FILE,
                "supervision-service: MONGODB_URI must be the connection string of its own MongoDB user "
                        + "supervision-service, not secret duban-mongo-intake-service-connection");
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .startsWith("MongoDBCommunity: users must be one per service with readWrite on its own database only")
                .contains("intake-service=readWrite@duban_reporting"));
    }

    @Test
    void findsAServiceReadingAnothersFieldKeysetOrNoneAndOneThatHasNoUseForAny() {
        // given: notification mounts intake's keyset, intake reads no keyset, reporting has one
        String broken = render("production")
                .replace("          - key: notification-service\n            path: field-keys.json\n",
                        "          - key: intake-service\n            path: field-keys.json\n")
                .replaceFirst("        - name: DUBAN_FIELD_KEYS_LOCATION\n          value: [^\n]*\n", "")
                .replace("            path: kafka_password\n          secretName: reporting-service\n",
                        "            path: kafka_password\n          secretName: reporting-service\n"
                                + "      - name: field-keys\n        secret:\n          secretName: duban-field-keys\n");

        // when
        var problems = ManifestRules.problems(TypedManifests.load(broken), EXPECTED.get("production"));

        // then
        assertThat(problems).contains(
                "notification-service: mounts the field keyset of intake-service; each service reads only its own",
                "notification-service: must read its own field keyset (DUBAN_FIELD_KEYS_LOCATION the file of item "
                        + "notification-service of Secret duban-field-keys), not file:/etc/duban/field-keys/field-keys.json",
                "intake-service: must read its own field keyset (DUBAN_FIELD_KEYS_LOCATION the file of item "
                        + "intake-service of Secret duban-field-keys), not none",
                "reporting-service: mounts a field keyset (duban-field-keys) it has no use for");
    }

    @Test
    void kustomizeRefusesABrokenKustomization(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("kubectl"), "kubectl is not installed: SKIPPED");
        // given: a copy of deploy/k8s whose base names a file that is not there
        Path k8s = Repository.file("deploy/k8s");
        try (var files = Files.walk(k8s)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(k8s.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path kustomization = dir.resolve("base/kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization)
                .replace("- apps/gateway.yaml", "- apps/gateway-missing.yaml"));

        // when
        Repository.Run run = Repository.run(TIMEOUT, "kubectl", "kustomize", dir.resolve("overlays/demo").toString());

        // then
        assertThat(run.ok()).isFalse();
        assertThat(run.stderr()).contains("gateway-missing.yaml");
    }
}
