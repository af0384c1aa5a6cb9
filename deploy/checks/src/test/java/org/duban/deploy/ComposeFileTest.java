package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeFileTest {

    private static final String COMPOSE = "docker-compose.yml";
    private static final String DEV_TOKENS = "deploy/compose/dev-tokens.yml";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file(COMPOSE)));

    @Test
    void dockerComposeAcceptsTheComposeFileAloneAndWithTheDevTokenOverride() {
        assumeDockerCompose();

        // when
        Repository.Run alone = Repository.run(TIMEOUT, "docker-compose", "-f", COMPOSE, "--profile", "observability",
                "config", "-q");
        Repository.Run withDevTokens = Repository.run(TIMEOUT, "docker-compose", "-f", COMPOSE, "-f", DEV_TOKENS,
                "config", "-q");

        // then
        assertThat(alone.ok()).as("docker-compose config: %s", alone.stderr()).isTrue();
        assertThat(withDevTokens.ok()).as("docker-compose config with %s: %s", DEV_TOKENS, withDevTokens.stderr())
                .isTrue();
    }

    @Test
    void dockerComposeRefusesABrokenComposeFile(@TempDir Path dir) throws Exception {
        assumeDockerCompose();
        // given: a condition compose does not know
        Path broken = dir.resolve("docker-compose.yml");
        Files.writeString(broken, Repository.read(Repository.file(COMPOSE))
                .replaceFirst("condition: service_healthy", "condition: service_is_healthy"));

        // when
        Repository.Run run = Repository.run(TIMEOUT, "docker-compose", "-f", broken.toString(),
                "--project-directory", Repository.ROOT.toString(), "config", "-q");

        // then
        assertThat(run.ok()).isFalse();
        assertThat(run.stderr()).contains("service_is_healthy");
    }

    @Test
    void everyServiceHasAHealthCheckAPinnedImageAndWaitsForHealthyDependencies() {
        assertThat(compose.problems()).isEmpty();
        assertThat(compose.services()).containsKeys("kafka", "kafka-init", "mongo", "mongo-init", "gateway",
                "intake-service", "supervision-service", "notification-service", "reporting-service", "console",
                "prometheus", "grafana");
        assertThat(compose.applications().keySet()).containsExactlyInAnyOrderElementsOf(ManifestRules.APPLICATIONS);
    }

    @Test
    void theGatewayWaitsForTheFourServicesToBeHealthyButNotForTheConsole() {
        Object dependsOn = compose.services().get("gateway").get("depends_on");

        assertThat(dependsOn).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) dependsOn).keySet()).map(String::valueOf).containsExactlyInAnyOrder("intake-service", "supervision-service",
                "notification-service", "reporting-service");
        ((Map<?, ?>) dependsOn).values().forEach(settings ->
                assertThat(((Map<?, ?>) settings).get("condition")).isEqualTo("service_healthy"));
    }

    @Test
    void theConsoleIsReachedThroughTheGatewayOnlyAndStartsOnceTheGatewayIsHealthy() {
        // given
        Map<String, Object> console = compose.services().get("console");

        // then: not published; the gateway routes to it, it calls the API through the gateway
        assertThat(console).doesNotContainKeys("ports", "expose");
        assertThat(ComposeFile.environment(compose.services().get("gateway"))).containsEntry("CONSOLE_URL", "http://console:8080");
        assertThat(ComposeFile.environment(console)).containsEntry("DUBAN_GATEWAY_URL", "http://gateway:8080")
                .containsEntry("DUBAN_CONSOLE_SECURE_COOKIE", "true")
                .doesNotContainKeys("SPRING_PROFILES_ACTIVE", "DUBAN_OIDC_CLIENT_SECRET");
        assertThat(console.get("depends_on")).isEqualTo(Map.of("gateway", Map.of("condition", "service_healthy")));
        assertThat(console.get("secrets")).asList().containsExactly("oidc_client_secret");
    }

    @Test
    void theTrialSignsIntoTheConsoleWithDevTokensOverPlainHttp() {
        // given
        ComposeFile devTokens = ComposeFile.parse(Repository.read(Repository.file(DEV_TOKENS)));

        // then: the console's local profile asks the gateway for dev tokens, which only its local profile signs
        assertThat(ComposeFile.environment(devTokens.services().get("console")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local").containsEntry("DUBAN_CONSOLE_SECURE_COOKIE", "false");
        assertThat(ComposeFile.environment(devTokens.services().get("gateway"))).containsEntry("SPRING_PROFILES_ACTIVE", "local");
    }

    @Test
    void findsAPublishedConsole() {
        // given
        ComposeFile broken = ComposeFile.parse("""
                services:
                  console:
                    build: .
                    image: duban/console:0.1.0
                    ports: ["8085:8080"]
                    depends_on:
                      gateway:
                        condition: service_healthy
                    healthcheck:
                      test: ["CMD", "duban-healthcheck", "readiness"]
                """);

        // then
        assertThat(broken.problems()).containsExactly(
                "console: publishes ports, but only the gateway (and the observability tools) may");
    }

    @Test
    void makeSecretsMakesEverySecretFileTheComposeFileNamesAndNoPrivateKey(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("openssl"), "openssl is not installed: make-secrets.sh check SKIPPED");
        // given
        Path secrets = dir.resolve("secrets");

        // when
        Repository.Run run = Repository.run(TIMEOUT, "bash", "deploy/compose/make-secrets.sh", secrets.toString());

        // then: the files compose mounts exist; the two only the identity provider can fill are empty
        assertThat(run.ok()).as("make-secrets.sh: %s", run.stderr()).isTrue();
        assertThat(secretFiles(compose))
                .allSatisfy(path -> assertThat(secrets.resolve(Path.of(path).getFileName())).as(path).exists());
        assertThat(secrets.resolve("oidc-client-secret")).isEmptyFile();
        assertThat(secrets.resolve("jwt-public.pem")).isEmptyFile();
        try (var files = Files.walk(secrets)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.contains("private"));
        }
        assertThat(Files.getPosixFilePermissions(secrets.resolve("oidc-client-secret")))
                .as("readable by the console's uid 10001 in the container").contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.getPosixFilePermissions(secrets)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(run.stdout()).contains("oidc-client-secret EMPTY: put the console's client secret",
                "jwt-public.pem EMPTY: put the identity provider's token public key");
    }

    @Test
    void theTrialOverlayHasAKeyPairOfItsOwnThatItsGatewayCanRead(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("openssl"), "openssl is not installed: make-secrets.sh check SKIPPED");
        // given
        Path secrets = dir.resolve("secrets");
        Repository.Run production = Repository.run(TIMEOUT, "bash", "deploy/compose/make-secrets.sh",
                secrets.toString());

        // when
        Repository.Run trial = Repository.run(TIMEOUT, "bash", "deploy/compose/make-secrets.sh", "--trial",
                secrets.toString());

        // then: the overlay's secrets all lie in secrets/trial, apart from the production files
        assertThat(production.ok()).as("make-secrets.sh: %s", production.stderr()).isTrue();
        assertThat(trial.ok()).as("make-secrets.sh --trial: %s", trial.stderr()).isTrue();
        List<String> overlayFiles = secretFiles(ComposeFile.parse(Repository.read(Repository.file(DEV_TOKENS))));
        assertThat(overlayFiles).hasSize(2).allSatisfy(path -> {
            assertThat(path).startsWith("./secrets/trial/");
            assertThat(secrets.resolve("trial").resolve(Path.of(path).getFileName())).as(path).isNotEmptyFile();
        });
        assertThat(Files.readString(secrets.resolve("trial/jwt-private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(secrets.resolve("jwt-public.pem")).as("the production key is untouched").isEmptyFile();
        assertThat(Files.getPosixFilePermissions(secrets.resolve("trial/jwt-private.pem")))
                .as("readable by the gateway's uid 10001 in the container").contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.getPosixFilePermissions(secrets.resolve("trial"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void productionComposeNamesNoPrivateKeyAndTheTrialAcceptsOnlyItsOwnIssuerInTheLocalProfile() {
        // given
        ComposeFile trial = ComposeFile.parse(Repository.read(Repository.file(DEV_TOKENS)));

        // then
        assertThat(secretFiles(compose)).noneMatch(path -> path.contains("private"));
        assertThat(Repository.read(Repository.file(COMPOSE))).doesNotContain("PRIVATE_KEY");
        assertThat(ComposeFile.environment(compose.services().get("intake-service")))
                .as("no issuer unless the office names its identity provider's").containsEntry("DUBAN_JWT_ISSUER", "");
        for (String app : ManifestRules.APPLICATIONS) {
            if (!app.equals("console")) {
                assertThat(ComposeFile.environment(trial.services().get(app))).as(app)
                        .containsEntry("DUBAN_JWT_ISSUER", "duban-local")
                        .containsEntry("SPRING_PROFILES_ACTIVE", "local");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> secretFiles(ComposeFile compose) {
        Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) compose.document().get("secrets");
        return secrets.values().stream().map(secret -> String.valueOf(secret.get("file"))).toList();
    }

    @Test
    void findsAMissingHealthCheckAnUnpinnedImageAndAServiceThatOnlyWaitsForStart() {
        // given
        ComposeFile broken = ComposeFile.parse("""
                services:
                  kafka:
                    image: apache/kafka:latest
                  intake-service:
                    build: .
                    image: duban/intake-service
                    depends_on: [kafka]
                    environment:
                      DUBAN_SMTP_PASSWORD: hunter2
                    healthcheck:
                      test: ["NONE"]
                """);

        // then
        assertThat(broken.problems()).containsExactlyInAnyOrder(
                "kafka: apache/kafka:latest is not pinned to a version",
                "kafka: no health check",
                "intake-service: duban/intake-service has no tag (means latest)",
                "intake-service: health check disabled or without a test",
                "intake-service: depends_on as a list only waits for start; name a condition for each",
                "intake-service: DUBAN_SMTP_PASSWORD holds a secret in the file; read it from a secret file",
                "intake-service: an application must wait for what it needs (depends_on with conditions)");
    }

    @Test
    void theTopicScriptCreatesEveryEventTopicAndDeadLetterTopicWithUnlimitedRetention() {
        String script = Repository.read(Repository.file("deploy/compose/kafka-topics.sh"));

        assertThat(script).contains("duban.intake.events duban.supervision.events duban.notification.events",
                "intake-service supervision-service notification-service reporting-service", "\"duban.$consumer.dlt\"",
                "retention.ms=-1", "--if-not-exists");
    }

    @Test
    void kafkaFormatsItsStorageWithAClusterIdKafkaAccepts() {
        // a KRaft cluster id is a UUID: 16 bytes in URL-safe base64 without padding (22 characters)
        String clusterId = ComposeFile.environment(compose.services().get("kafka")).get("CLUSTER_ID");

        assertThat(clusterId).matches("[A-Za-z0-9_-]{22}");
        assertThat(java.util.Base64.getUrlDecoder().decode(clusterId)).hasSize(16);
    }

    private static void assumeDockerCompose() {
        assumeTrue(Repository.onPath("docker-compose"),
                "docker-compose is not installed (Debian package docker-compose): compose syntax check SKIPPED");
    }
}
