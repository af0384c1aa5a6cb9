package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The client sends no token on exactly the operations the bundled document declares public. */
class PublicOperationsTest {

    @Test
    void listsExactlyTheOperationsTheBundledDocumentDeclaresPublic() throws IOException {
        // given
        List<String> declaredPublic = new ArrayList<>();
        BundledDocumentTest.operations(BundledDocumentTest.bundle()).forEach((call, operation) -> {
            if (operation.has("security") && operation.get("security").isEmpty()) {
                declaredPublic.add(call);
            }
        });

        // then
        assertThat(PublicOperations.ROUTES).containsExactlyInAnyOrderElementsOf(declaredPublic);
    }

    @Test
    void recognisesAPublicCallUnderAPathPrefixAndNothingElse() {
        assertThat(PublicOperations.isPublic(post("https://duban.example.gov.cn/duban/api/v1/public/progress")))
                .isTrue();
        assertThat(PublicOperations.isPublic(post("https://duban.example.gov.cn/api/v1/public/progress"))).isTrue();
        assertThat(PublicOperations.isPublic(post("https://duban.example.gov.cn/api/v1/public/progress/x")))
                .isFalse();
        assertThat(PublicOperations.isPublic(get("https://duban.example.gov.cn/api/v1/public/progress"))).isFalse();
        assertThat(PublicOperations.isPublic(post("https://duban.example.gov.cn/api/v1/cases"))).isFalse();
    }

    private static HttpRequest post(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).GET().build();
    }
}
