package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every variable compose and the manifests set is one the application it is set for reads. */
class EnvironmentCrossCheckTest {

    private final EnvironmentCrossCheck check = new EnvironmentCrossCheck();

    @Test
    void everyVariableTheComposeFileSetsIsReadByItsApplication() {
        // given
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));
        ComposeFile devTokens = ComposeFile.parse(Repository.read(Repository.file("deploy/compose/dev-tokens.yml")));

        // when
        Map<String, Set<String>> set = EnvironmentCrossCheck.setBy(compose);

        // then
        assertThat(set.keySet()).containsExactlyInAnyOrderElementsOf(ManifestRules.APPLICATIONS);
        assertThat(set.get("intake-service")).contains("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS",
                "DUBAN_JWT_PUBLIC_KEY_LOCATION", "DUBAN_JWT_ISSUER", "DUBAN_JWT_AUDIENCE", "DUBAN_JWT_JWK_SET_URI",
                "DUBAN_PUBLIC_RATE_LIMIT");
        assertThat(set.get("gateway")).contains("DUBAN_JWT_ISSUER", "DUBAN_JWT_AUDIENCE", "DUBAN_JWT_JWK_SET_URI");
        assertThat(set.get("console")).contains("DUBAN_GATEWAY_URL", "DUBAN_OIDC_ISSUER_URI", "DUBAN_OIDC_CLIENT_ID",
                "DUBAN_OIDC_ROLES_CLAIM", "DUBAN_OIDC_UNIT_ROLE", "DUBAN_CONSOLE_SECURE_COOKIE")
                .doesNotContain("DUBAN_OIDC_CLIENT_SECRET", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
        assertThat(check.unread("compose", set)).isEmpty();
        assertThat(EnvironmentCrossCheck.setBy(devTokens)).containsOnlyKeys(ManifestRules.APPLICATIONS);
        assertThat(check.unread("compose dev tokens", EnvironmentCrossCheck.setBy(devTokens))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "demo"})
    void everyVariableTheManifestsSetIsReadByItsApplication(String overlay) {
        // given
        TypedManifests manifests = TypedManifests.load(KubernetesManifestsTest.render(overlay));

        // when
        Map<String, Set<String>> set = EnvironmentCrossCheck.setBy(manifests);

        // then
        assertThat(set.get("reporting-service")).contains("MONGODB_URI", "MONGODB_DATABASE", "KAFKA_BOOTSTRAP_SERVERS",
                "DUBAN_KAFKA_REPLICATIONFACTOR");
        assertThat(set.get("gateway")).contains("INTAKE_URL", "CONSOLE_URL", "DUBAN_JWT_PUBLIC_KEY_LOCATION",
                "DUBAN_JWT_ISSUER");
        assertThat(set.get("intake-service")).contains("DUBAN_JWT_ISSUER");
        assertThat(set.get("console")).contains("DUBAN_GATEWAY_URL", "DUBAN_OIDC_ISSUER_URI", "DUBAN_OIDC_CLIENT_ID");
        assertThat(check.unread(overlay, set)).isEmpty();
    }

    @Test
    void findsAVariableNoApplicationReadsAndOneSetForTheWrongApplication() {
        // given: the console reads its own module only (no platform library): no Kafka, MongoDB or JWT key
        Map<String, Set<String>> set = Map.of(
                "supervision-service", Set.of("MONGODB_URI", "DUBAN_NOT_READ_ANYWHERE", "DUBAN_KAFKA_REPLICATION_FACTOR"),
                "gateway", Set.of("INTAKE_URL", "KAFKA_BOOTSTRAP_SERVERS"),
                "console", Set.of("DUBAN_GATEWAY_URL", "DUBAN_OIDC_CLAIMS_ROLES", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI",
                        "DUBAN_JWT_PUBLIC_KEY_LOCATION", "DUBAN_OUTBOX_POLLINTERVAL"));

        // then
        assertThat(check.unread("test", set)).containsExactlyInAnyOrder(
                "test supervision-service: DUBAN_NOT_READ_ANYWHERE",
                "test supervision-service: DUBAN_KAFKA_REPLICATION_FACTOR",
                "test gateway: KAFKA_BOOTSTRAP_SERVERS",
                "test console: DUBAN_OIDC_CLAIMS_ROLES",
                "test console: KAFKA_BOOTSTRAP_SERVERS",
                "test console: MONGODB_URI",
                "test console: DUBAN_JWT_PUBLIC_KEY_LOCATION",
                "test console: DUBAN_OUTBOX_POLLINTERVAL");
    }

    @Test
    void relaxedBindingTurnsAPropertyIntoItsEnvironmentVariable() {
        assertThat(ApplicationSettings.environmentForm("duban.kafka.replication-factor"))
                .isEqualTo("DUBAN_KAFKA_REPLICATIONFACTOR");
        assertThat(ApplicationSettings.of("intake-service").reads("DUBAN_OUTBOX_POLLINTERVAL")).isTrue();
        assertThat(ApplicationSettings.of("intake-service").reads("SPRING_PROFILES_ACTIVE")).isTrue();
    }
}
