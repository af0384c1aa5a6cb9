package org.duban.gateway.apidocs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiDocumentsTest {

    @Test
    void pointsEveryServerOfADocumentAtTheGatewayAndKeepsTheRestAsWritten() {
        // given
        String contract = """
                openapi: 3.0.3
                info:
                  title: Some API
                servers:
                  - url: http://localhost:8080
                    description: local
                  - url: https://duban.example.gov.cn
                security:
                  - bearer: []
                paths: {}
                """;

        // when
        String served = ApiDocuments.servedFromTheGateway("some", contract);

        // then
        assertThat(served).isEqualTo("""
                openapi: 3.0.3
                info:
                  title: Some API
                servers:
                  - url: /
                    description: The gateway that serves this document (its scheme, host and port).
                security:
                  - bearer: []
                paths: {}
                """);
    }

    @Test
    void replacesAServersListWrittenAtTheEndAndUnindented() {
        // when
        String served = ApiDocuments.servedFromTheGateway("some", "openapi: 3.0.3\nservers:\n- url: http://localhost:8080");

        // then
        assertThat(served).isEqualTo("openapi: 3.0.3\nservers:\n  - url: /\n"
                + "    description: The gateway that serves this document (its scheme, host and port).\n");
    }

    @Test
    void refusesADocumentWithoutServersRatherThanServeItPointingElsewhere() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ApiDocuments.servedFromTheGateway("some", "openapi: 3.0.3\npaths: {}\n"))
                .withMessageContaining("openapi/some.yaml has no top-level 'servers'");
    }

    @Test
    void refusesAServersListItCannotReplaceWhole() {
        // a blank line inside the list ends the block the gateway recognises: the rest would stay behind
        String contract = "openapi: 3.0.3\nservers:\n  - url: http://a\n\n  - url: http://b\npaths: {}\n";

        assertThatIllegalStateException()
                .isThrownBy(() -> ApiDocuments.servedFromTheGateway("some", contract))
                .withMessageContaining("could not be replaced");
    }
}
