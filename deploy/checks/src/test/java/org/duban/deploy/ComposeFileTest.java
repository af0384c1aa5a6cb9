package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
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
                "prometheus", "grafana", "otel-collector", "jaeger");
        assertThat(compose.applications().keySet()).containsExactlyInAnyOrderElementsOf(ManifestRules.APPLICATIONS);
    }

    @Test
    void theOneBrokerWritesEachRecordToDiskBeforeItAcknowledgesIt() {
        // when
        Map<String, String> kafka = ComposeFile.environment(compose.services().get("kafka"));

        // then: a power cut loses no acknowledged event (the outbox already let it go), as locally (#17)
        assertThat(kafka).containsEntry("KAFKA_LOG_FLUSH_INTERVAL_MESSAGES", "1")
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "1")
                .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
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
    void theTrialSignsIntoTheConsoleWithDevTokensOverTlsWithSecureCookies() {
        // given
        ComposeFile devTokens = ComposeFile.parse(Repository.read(Repository.file(DEV_TOKENS)));

        // then: the console's local profile asks the gateway for dev tokens, which only its local profile signs;
        // the trial, too, is reached over the gateway's TLS port, so the cookies stay Secure
        assertThat(ComposeFile.environment(devTokens.services().get("console")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local").doesNotContainKey("DUBAN_CONSOLE_SECURE_COOKIE");
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
    void findsAServiceWithoutAHealthCheckAndOneWaitingForTheCollectorWhichCannotHaveOne() {
        // given
        ComposeFile broken = ComposeFile.parse("""
                services:
                  otel-collector:
                    image: otel/opentelemetry-collector-contrib:0.135.0
                  jaeger:
                    image: jaegertracing/jaeger:2.10.0
                    depends_on:
                      otel-collector:
                        condition: service_healthy
                """);

        // then
        assertThat(broken.problems()).containsExactly("jaeger: no health check",
                "jaeger: waits for otel-collector, which has no health check (never healthy)");
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
        for (String officeFills : List.of("oidc-client-secret", "jwt-public.pem", "gateway-tls-cert.pem",
                "gateway-tls-key.pem")) {
            assertThat(secrets.resolve(officeFills)).as(officeFills).isEmptyFile();
        }
        try (var files = Files.walk(secrets)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.contains("private"));
        }
        // every password its own, random, of letters and digits (safe in a URI and a JAAS line)
        List<String> passwords = new java.util.ArrayList<>();
        try (var files = Files.list(secrets)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-password")).sorted().toList()) {
                passwords.add(Files.readString(file));
            }
        }
        assertThat(passwords).hasSize(1 + 1 + 4 + 1 + 4).doesNotHaveDuplicates()
                .allSatisfy(password -> assertThat(password).matches("[0-9a-f]{48}"));
        String kafkaAdmin = Files.readString(secrets.resolve("kafka-admin-password"));
        assertThat(Files.readString(secrets.resolve("kafka-server-jaas.conf")))
                .contains("user_admin=\"" + kafkaAdmin + "\"", "ScramLoginModule");
        assertThat(Files.readString(secrets.resolve("kafka-admin-client.properties")))
                .contains("security.protocol=SASL_PLAINTEXT", "password=\"" + kafkaAdmin + "\"");
        assertThat(Files.readString(secrets.resolve("mongo-keyfile")).replaceAll("\\s", "")).hasSizeBetween(6, 1024);
        assertThat(Files.getPosixFilePermissions(secrets.resolve("oidc-client-secret")))
                .as("readable by the console's uid 10001 in the container").contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.getPosixFilePermissions(secrets)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(run.stdout()).contains("oidc-client-secret EMPTY: put the console's client secret",
                "jwt-public.pem EMPTY: put the identity provider's token public key",
                "gateway-tls-cert.pem EMPTY: put the gateway's TLS certificate chain and its key");
    }

    @Test
    void makeSecretsMakesAFieldKeysetOfItsOwnForIntakeAndNotificationThatTinkReads(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("openssl"), "openssl is not installed: make-secrets.sh check SKIPPED");
        // given
        Path secrets = dir.resolve("secrets");
        AeadConfig.register();

        // when
        Repository.Run run = Repository.run(TIMEOUT, "bash", "deploy/compose/make-secrets.sh", secrets.toString());

        // then: each a Tink keyset in JSON with one AES256_GCM key that encrypts and decrypts; the two differ
        assertThat(run.ok()).as("make-secrets.sh: %s", run.stderr()).isTrue();
        List<Integer> primaryKeys = new java.util.ArrayList<>();
        for (String service : List.of("intake-service", "notification-service")) {
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(secrets.resolve(service + "-field-keys.json")), InsecureSecretKeyAccess.get());
            assertThat(keyset.size()).as(service).isEqualTo(1);
            assertThat(keyset.getPrimary().getKey().getParameters()).as(service)
                    .isEqualTo(PredefinedAeadParameters.AES256_GCM);
            Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            byte[] associated = "cases/case-1 petitioner.name".getBytes(StandardCharsets.UTF_8);
            assertThat(aead.decrypt(aead.encrypt("张三".getBytes(StandardCharsets.UTF_8), associated), associated))
                    .isEqualTo("张三".getBytes(StandardCharsets.UTF_8));
            primaryKeys.add(keyset.getPrimary().getId());
        }
        assertThat(Files.readString(secrets.resolve("intake-service-field-keys.json")))
                .isNotEqualTo(Files.readString(secrets.resolve("notification-service-field-keys.json")));
        assertThat(primaryKeys).doesNotHaveDuplicates();
    }

    @Test
    void theFieldKeysetScriptNeverReplacesAKeysetThatExists(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("openssl"), "openssl is not installed: make-field-keyset.sh check SKIPPED");
        // given
        Path keyset = dir.resolve("field-keys.json");
        Repository.run(TIMEOUT, "bash", "deploy/make-field-keyset.sh", keyset.toString());
        String first = Files.readString(keyset);

        // when
        Repository.Run again = Repository.run(TIMEOUT, "bash", "deploy/make-field-keyset.sh", keyset.toString());

        // then
        assertThat(again.ok()).isFalse();
        assertThat(again.stderr()).contains("exists", "rotated, never replaced");
        assertThat(Files.readString(keyset)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(keyset)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void intakeAndNotificationEachReadAFieldKeysetOfTheirOwnFromASecretFileAndNoOtherServiceHasOne() {
        // then
        for (String service : List.of("intake-service", "notification-service")) {
            Map<String, Object> definition = compose.services().get(service);
            assertThat(ComposeFile.environment(definition)).as(service)
                    .containsEntry("DUBAN_FIELD_KEYS_LOCATION", "file:/run/secrets/field_keys");
            assertThat(ComposeFile.mountedSecrets(definition)).as(service)
                    .containsEntry("field_keys", service.replace("-service", "") + "_field_keys");
        }
        for (String service : List.of("supervision-service", "reporting-service", "gateway", "console")) {
            assertThat(ComposeFile.mountedSecrets(compose.services().get(service)).values()).as(service)
                    .noneMatch(secret -> secret.endsWith("field_keys"));
        }
    }

    @Test
    void findsAFieldKeysetSharedMissingOrWhereItHasNoUse() {
        // given: notification reads intake's keyset, intake none, supervision has one
        String file = Repository.read(Repository.file(COMPOSE))
                .replace("      - source: notification_field_keys\n", "      - source: intake_field_keys\n")
                .replaceFirst("      DUBAN_FIELD_KEYS_LOCATION: file:/run/secrets/field_keys\n", "")
                .replace("""
                          - source: mongo_supervision_service_password
                    """, """
                          - notification_field_keys
                          - source: mongo_supervision_service_password
                    """);

        // when
        List<String> problems = ComposeFile.parse(file).problems();

        // then
        assertThat(problems).containsExactlyInAnyOrder(
                "intake-service: must read its field keyset from a secret file (DUBAN_FIELD_KEYS_LOCATION "
                        + "file:/run/secrets/<a mounted secret *field_keys>), not none",
                "supervision-service: mounts a field keyset (secret notification_field_keys) it has no use for",
                "notification-service: shares its field_keys (secret intake_field_keys) with intake-service");
    }

    @Test
    void makeSecretsChangesNoSecretThatExists(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("openssl"), "openssl is not installed: make-secrets.sh check SKIPPED");
        // given
        Path secrets = dir.resolve("secrets");
        Repository.run(TIMEOUT, "bash", "deploy/compose/make-secrets.sh", secrets.toString());
        String mongo = Files.readString(secrets.resolve("mongo-intake-service-password"));
        Files.delete(secrets.resolve("kafka-reporting-service-password"));

        // when
        Repository.Run again = Repository.run(TIMEOUT, "bash", "deploy/compose/make-secrets.sh", secrets.toString());

        // then: what existed is kept, what was missing is made
        assertThat(again.ok()).as(again.stderr()).isTrue();
        assertThat(Files.readString(secrets.resolve("mongo-intake-service-password"))).isEqualTo(mongo);
        assertThat(secrets.resolve("kafka-reporting-service-password")).isNotEmptyFile();
        assertThat(again.stdout()).doesNotContain("mongo-intake-service-password").contains("kafka-reporting-service-password");
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
        assertThat(overlayFiles).hasSize(4).allSatisfy(path -> {
            assertThat(path).startsWith("./secrets/trial/");
            assertThat(secrets.resolve("trial").resolve(Path.of(path).getFileName())).as(path).isNotEmptyFile();
        });
        assertThat(Files.readString(secrets.resolve("trial/jwt-private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(secrets.resolve("trial/gateway-tls-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        try (var in = Files.newInputStream(secrets.resolve("trial/gateway-tls-cert.pem"))) {
            var certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(in);
            assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                    .as("a self-signed certificate for this host").contains("localhost", "127.0.0.1");
            certificate.checkValidity();
        }
        assertThat(secrets.resolve("gateway-tls-cert.pem")).as("the office's certificate is untouched").isEmptyFile();
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
        assertThat(Repository.read(Repository.file(COMPOSE))).doesNotContain("JWT_PRIVATE_KEY");
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
                "intake-service: an application must wait for what it needs (depends_on with conditions)",
                "intake-service: must read its field keyset from a secret file (DUBAN_FIELD_KEYS_LOCATION "
                        + "file:/run/secrets/<a mounted secret *field_keys>), not none",
                "kafka: must enforce ACLs (KAFKA_AUTHORIZER_CLASS_NAME, KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND \"false\")");
    }

    @Test
    void kafkaInitCreatesEveryEventTopicAndDeadLetterTopicWithUnlimitedRetentionAsTheAdmin() {
        String script = Repository.read(Repository.file("deploy/compose/kafka-init.sh"));

        assertThat(script).contains("duban.intake.events duban.supervision.events duban.notification.events",
                "intake-service supervision-service notification-service reporting-service", "\"duban.$consumer.dlt\"",
                "retention.ms=-1", "--if-not-exists", "--command-config \"$admin\"");
    }

    @Test
    void usersReachOnlyTheGatewaysTlsPortAndEveryServiceSignsInAsAUserOfItsOwn() {
        // then: the gateway publishes its TLS port only, with the certificate and key from secret files
        Map<String, Object> gateway = compose.services().get("gateway");
        assertThat(ComposeFile.publishedContainerPorts(gateway)).containsExactly(8443);
        assertThat(ComposeFile.environment(gateway)).containsEntry("DUBAN_GATEWAY_TLS_PORT", "8443");
        assertThat(ComposeFile.mountedSecrets(gateway)).containsKeys("gateway_tls_certificate", "gateway_tls_key");
        // each service: its own MongoDB and Kafka password files, mounted under the same two names
        for (String service : List.of("intake-service", "supervision-service", "notification-service", "reporting-service")) {
            String own = service.replace('-', '_');
            assertThat(ComposeFile.mountedSecrets(compose.services().get(service))).as(service)
                    .containsEntry("mongodb_password", "mongo_" + own + "_password")
                    .containsEntry("kafka_password", "kafka_" + own + "_password");
            assertThat(ComposeFile.environment(compose.services().get(service))).as(service)
                    .containsEntry("DUBAN_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/")
                    .hasEntrySatisfying("MONGODB_URI", uri -> assertThat(uri)
                            .startsWith("mongodb://${spring.application.name}:${mongodb_password}@mongo:27017/")
                            .contains("authSource=admin", "replicaSet=rs0"));
        }
        // and the services start only once mongo-init made their users and kafka-init their users and ACLs
        assertThat(((Map<?, ?>) compose.services().get("intake-service").get("depends_on")).keySet())
                .map(String::valueOf).contains("mongo-init", "kafka-init");
    }

    @Test
    void findsPlainDoorsAndSharedOrWrittenDownCredentials() {
        // given: today's compose file, before this work: plain listeners, no auth, passwords nowhere
        ComposeFile broken = ComposeFile.parse("""
                services:
                  kafka:
                    image: apache/kafka:4.1.0
                    environment:
                      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
                      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                      KAFKA_LISTENER_NAME_SASL_PLAINTEXT_PLAIN_SASL_JAAS_CONFIG: x password="admin";
                    healthcheck: {test: ["CMD", "true"]}
                  mongo:
                    image: mongo:7.0.14
                    command: ["mongod", "--replSet", "rs0", "--bind_ip_all"]
                    healthcheck: {test: ["CMD", "true"]}
                  gateway:
                    image: duban/gateway:0.1.0
                    ports: ["8080:8080"]
                    healthcheck: {test: ["CMD", "true"]}
                  intake-service:
                    build: .
                    image: duban/intake-service:0.1.0
                    depends_on: {kafka: {condition: service_healthy}}
                    environment:
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                      MONGODB_URI: mongodb://mongo:27017/?replicaSet=rs0
                    healthcheck: {test: ["CMD", "true"]}
                  supervision-service:
                    build: .
                    image: duban/supervision-service:0.1.0
                    depends_on: {kafka: {condition: service_healthy}}
                    secrets: [{source: kafka_shared, target: kafka_password}, {source: mongo_shared, target: mongodb_password}]
                    environment:
                      SPRING_CONFIG_IMPORT: optional:configtree:/run/secrets/
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                      DUBAN_KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT
                      MONGODB_URI: mongodb://supervision-service:hunter2@mongo:27017/
                    healthcheck: {test: ["CMD", "true"]}
                  reporting-service:
                    build: .
                    image: duban/reporting-service:0.1.0
                    depends_on: {kafka: {condition: service_healthy}}
                    secrets: [{source: kafka_shared, target: kafka_password}, {source: mongo_shared, target: mongodb_password}]
                    environment:
                      SPRING_CONFIG_IMPORT: optional:configtree:/run/secrets/
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                      DUBAN_KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT
                      MONGODB_URI: mongodb://reporting-service:$${mongodb_password}@mongo:27017/
                    healthcheck: {test: ["CMD", "true"]}
                """);

        // then
        assertThat(broken.problems()).containsExactlyInAnyOrder(
                "gateway: publishes port 8080 without TLS; publish only its TLS port (DUBAN_GATEWAY_TLS_PORT)",
                "kafka: listener PLAINTEXT://:9092 lets clients in without signing in (PLAINTEXT); use SASL_PLAINTEXT "
                        + "or SASL_SSL, or listen on localhost only",
                "kafka: listener CONTROLLER://:9093 lets clients in without signing in (PLAINTEXT); use SASL_PLAINTEXT "
                        + "or SASL_SSL, or listen on localhost only",
                "kafka: must enforce ACLs (KAFKA_AUTHORIZER_CLASS_NAME, KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND \"false\")",
                "kafka: KAFKA_LISTENER_NAME_SASL_PLAINTEXT_PLAIN_SASL_JAAS_CONFIG holds a secret in the file; read it from "
                        + "a secret file",
                "mongo: runs without authentication (needs --keyFile and MONGO_INITDB_ROOT_PASSWORD_FILE)",
                "intake-service: signs in to MongoDB as no one (MONGODB_URI without a user and password)",
                "intake-service: signs in to Kafka as no one (DUBAN_KAFKA_SECURITY_PROTOCOL PLAINTEXT)",
                "supervision-service: MONGODB_URI holds a password in the file; read it from a secret file",
                "reporting-service: shares its mongodb_password (secret mongo_shared) with supervision-service",
                "reporting-service: shares its kafka_password (secret kafka_shared) with supervision-service",
                "intake-service: must read its field keyset from a secret file (DUBAN_FIELD_KEYS_LOCATION "
                        + "file:/run/secrets/<a mounted secret *field_keys>), not none");
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
