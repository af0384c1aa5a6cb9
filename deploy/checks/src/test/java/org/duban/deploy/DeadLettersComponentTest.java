package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in component deploy/k8s/components/dead-letters, rendered into a copy of the production overlay: the
 * dead-letter command's suspended CronJob, its own Kafka user and its way to the brokers.
 */
class DeadLettersComponentTest {

    @Test
    void theComponentAddsASuspendedCommandWithItsOwnKafkaUserAndKeepsTheOverlaysRules(@TempDir Path dir) throws Exception {
        assumeTrue(Repository.onPath("kubectl"), "kubectl is not installed: SKIPPED");
        // given: the production overlay with the component
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
        Path overlay = dir.resolve("overlays/production/kustomization.yaml");
        Files.writeString(overlay, Files.readString(overlay) + "\ncomponents:\n  - ../../components/dead-letters\n");

        // when
        Repository.Run run = Repository.run(Duration.ofSeconds(60), "kubectl", "kustomize", dir.resolve("overlays/production").toString());
        assertThat(run.ok()).as(run.stderr()).isTrue();
        TypedManifests manifests = TypedManifests.load(run.stdout());

        // then: it loads into the typed models, and the command runs only when a Job is made from it
        assertThat(manifests.problems()).isEmpty();
        CronJob cronJob = manifests.named(CronJob.class, "duban-dead-letters");
        assertThat(cronJob.getSpec().getSuspend()).isTrue();
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example.org/duban/intake-service:0.1.0");
        assertThat(container.getCommand()).contains("org.duban.platform.kafka.deadletters.DeadLetterCommand");
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("DUBAN_KAFKA_USERNAME", "dead-letters"));
        assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName()).startsWith("duban-service-config-");
        assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("dead-letters"));

        // then: its user reads the dead-letter topics and writes only the event topics, and the brokers admit it
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) manifests.named(KafkaUser.class, "dead-letters")
                .getSpec().getAuthorization()).getAcls();
        assertThat(acls).allSatisfy(acl -> {
            String topic = ((AclRuleTopicResource) acl.getResource()).getName();
            assertThat(topic).matches("duban\\.[a-z-]+\\.(dlt|events)");
            if (topic.endsWith(".dlt")) {
                assertThat(acl.getOperations()).extracting(Enum::name).containsExactlyInAnyOrder("DESCRIBE", "READ");
            }
        });
        assertThat(acls).hasSize(7);
        assertThat(manifests.named(Kafka.class, "duban").getSpec().getKafka().getListeners().get(0).getNetworkPolicyPeers())
                .anySatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/name", "dead-letters"));
    }
}
