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
                "DUBAN_JWT_PUBLIC_KEY_LOCATION", "DUBAN_PUBLIC_RATE_LIMIT");
        assertThat(check.unread("compose", set)).isEmpty();
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
        assertThat(set.get("gateway")).contains("INTAKE_URL", "DUBAN_JWT_PUBLIC_KEY_LOCATION");
        assertThat(check.unread(overlay, set)).isEmpty();
    }

    @Test
    void findsAVariableNoApplicationReadsAndOneSetForTheWrongApplication() {
        // given
        Map<String, Set<String>> set = Map.of(
                "supervision-service", Set.of("MONGODB_URI", "DUBAN_NOT_READ_ANYWHERE", "DUBAN_KAFKA_REPLICATION_FACTOR"),
                "gateway", Set.of("INTAKE_URL", "KAFKA_BOOTSTRAP_SERVERS"));

        // then
        assertThat(check.unread("test", set)).containsExactlyInAnyOrder(
                "test supervision-service: DUBAN_NOT_READ_ANYWHERE",
                "test supervision-service: DUBAN_KAFKA_REPLICATION_FACTOR",
                "test gateway: KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void relaxedBindingTurnsAPropertyIntoItsEnvironmentVariable() {
        assertThat(ApplicationSettings.environmentForm("duban.kafka.replication-factor"))
                .isEqualTo("DUBAN_KAFKA_REPLICATIONFACTOR");
        assertThat(ApplicationSettings.of("intake-service").reads("DUBAN_OUTBOX_POLLINTERVAL")).isTrue();
        assertThat(ApplicationSettings.of("intake-service").reads("SPRING_PROFILES_ACTIVE")).isTrue();
    }
}
