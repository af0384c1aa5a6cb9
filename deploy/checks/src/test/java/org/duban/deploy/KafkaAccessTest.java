package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each service may touch only its own topics and group on Kafka: the table, the services, compose's kafka-init. */
class KafkaAccessTest {

    @Test
    void theAccessTableGrantsEachServiceExactlyWhatItsConfigurationUses() {
        // when
        var needed = KafkaAccess.needed();

        // then: nothing missing (the service would fail) and nothing more (least privilege)
        assertThat(KafkaAccess.table()).containsExactlyInAnyOrderElementsOf(needed);
        assertThat(needed).contains(
                KafkaAccess.grant("supervision-service", "topic", "duban.intake.events", List.of("Describe", "Read")),
                KafkaAccess.grant("intake-service", "topic", "duban.intake.events", List.of("Describe", "Write")),
                KafkaAccess.grant("reporting-service", "group", "reporting-service", List.of("Read")));
        assertThat(needed).noneMatch(grant -> grant.user().equals("reporting-service")
                && grant.operations().contains("Write") && grant.name().endsWith(".events"));
        assertThat(needed).noneMatch(grant -> grant.operations().contains("Create") || grant.operations().contains("All"));
    }

    @Test
    void kafkaInitMakesAUserForEveryServiceOfTheTableAndGrantsTheTable() {
        // given
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));
        Map<String, Object> kafkaInit = compose.services().get("kafka-init");
        String script = Repository.read(Repository.file("deploy/compose/kafka-init.sh"));

        // then: the table is mounted where the script reads it, with every user's password file
        assertThat(KafkaAccess.users()).containsExactlyInAnyOrderElementsOf(KafkaAccess.SERVICES);
        assertThat(kafkaInit.get("volumes")).asList().contains("./" + KafkaAccess.FILE + ":/duban/kafka-access.txt:ro");
        assertThat(script).contains("access=${DUBAN_KAFKA_ACCESS:-/duban/kafka-access.txt}",
                "password_file=$secrets/kafka_${user//-/_}_password", "SCRAM-SHA-512=[iterations=8192,password=",
                "--allow-principal \"User:$user\"");
        for (String user : KafkaAccess.users()) {
            assertThat(ComposeFile.mountedSecrets(kafkaInit)).as(user).containsKey("kafka_" + user.replace('-', '_') + "_password");
        }
    }
}
