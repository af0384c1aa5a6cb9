package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Compose's MongoDB: one user per service, readWrite on its own database only, password from its own file. */
class MongoUsersTest {

    @Test
    void mongoInitMakesOneUserPerServiceWithReadWriteOnItsOwnDatabaseOnly() {
        // given
        String script = Repository.read(Repository.file("deploy/compose/mongo-init.js"));
        ComposeFile compose = ComposeFile.parse(Repository.read(Repository.file("docker-compose.yml")));
        Map<String, Object> mongoInit = compose.services().get("mongo-init");

        // then
        assertThat(MongoUsers.madeByMongoInit()).containsExactlyInAnyOrderEntriesOf(MongoUsers.databases());
        assertThat(script).contains("const roles = [{ role: \"readWrite\", db: database }];",
                "secret(\"mongo_\" + user.replace(/-/g, \"_\") + \"_password\")", "admin.auth(\"root\", secret(\"mongo_root_password\"))")
                .doesNotContain("readWriteAnyDatabase", "dbOwner", "root\", db");
        assertThat(ComposeFile.mountedSecrets(mongoInit)).containsKey("mongo_root_password");
        for (String service : MongoUsers.databases().keySet()) {
            String file = "mongo_" + service.replace('-', '_') + "_password";
            assertThat(ComposeFile.mountedSecrets(mongoInit)).as(service).containsKey(file);
            assertThat(ComposeFile.mountedSecrets(compose.services().get(service))).as(service)
                    .containsEntry("mongodb_password", file);
        }
    }
}
