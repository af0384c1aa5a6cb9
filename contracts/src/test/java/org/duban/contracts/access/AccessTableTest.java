package org.duban.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/api-access.md is the access declarations rendered: the committed file must be what the documents
 * say now. {@code -Dduban.docs.write=true} writes it instead of comparing.
 */
class AccessTableTest {

    private static final Path TABLE = Path.of(System.getProperty("basedir", "."), "..", "docs", "api-access.md")
            .normalize();

    @Test
    void theCommittedAccessTableIsWhatTheDocumentsDeclare() throws IOException {
        // given
        String rendered = AccessTable.render(ApiDocuments.operations());
        if (Boolean.getBoolean("duban.docs.write")) {
            Files.writeString(TABLE, rendered, StandardCharsets.UTF_8);
        }

        // when
        String committed = Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "";

        // then
        assertThat(committed).as(TABLE + " is out of date with the OpenAPI documents; regenerate it: "
                + AccessTable.REGENERATE).isEqualTo(rendered);
    }

    @Test
    void theTableNamesEveryOperationWithWhoMayCallItAndWhatOthersGet() {
        // when
        String rendered = AccessTable.render(ApiDocuments.operations());

        // then
        assertThat(rendered)
                .contains("| `acceptAssignment` | `POST /api/v1/assignments/{assignmentId}/accept` | the owning unit"
                        + " | 404: another unit; 403: supervisor, leader; 401: no token, token refused |")
                .contains("| `getPublicProgress` | `POST /api/v1/public/progress` | anyone, no token needed"
                        + " | 401: token refused |")
                .contains("| `registerUnit` | `POST /api/v1/units` | supervisor"
                        + " | 403: leader, units; 401: no token, token refused |");
    }
}
