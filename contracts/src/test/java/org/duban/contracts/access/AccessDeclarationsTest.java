package org.duban.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every operation of the API says who may call it ({@code x-duban-roles}); one that does not, or says it in
 * a way the platform cannot mean, fails the build with its name and what to fix.
 */
class AccessDeclarationsTest {

    @Test
    void everyOperationOfEveryDocumentDeclaresWhoMayCallIt() {
        // given
        List<OperationAccess> operations = ApiDocuments.operations();

        // when
        Map<String, List<String>> problems = new TreeMap<>();
        operations.forEach(operation -> {
            if (!operation.problems().isEmpty()) {
                problems.put(operation.name(), operation.problems());
            }
        });

        // then
        assertThat(problems).as("operations whose " + Access.EXTENSION + " is missing or unusable").isEmpty();
        assertThat(operations).extracting(OperationAccess::document).containsAll(OpenApiOperations.DOCUMENTS);
        assertThat(operations).extracting(OperationAccess::operationId).doesNotHaveDuplicates();
    }

    @Test
    void everyDocumentWithOperationsIsOneTheChecksRead() throws IOException {
        // given
        Path directory = Path.of(System.getProperty("basedir", "."), "src/main/resources",
                OpenApiOperations.RESOURCE_DIRECTORY);

        // when
        List<String> withPaths;
        try (Stream<Path> files = Files.list(directory)) {
            withPaths = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !OpenApiOperations.read(name, ApiDocuments.read(name)).isEmpty()).sorted().toList();
        }

        // then
        assertThat(OpenApiOperations.DOCUMENTS).as("OpenApiOperations.DOCUMENTS")
                .containsExactlyInAnyOrderElementsOf(withPaths);
    }

    @Test
    void anOperationWithoutADeclarationIsNamedWithWhatToAdd() {
        // given
        OperationAccess undeclared = single("""
                paths:
                  /api/v1/things:
                    post:
                      operationId: makeThing
                      responses: {'201': {description: made}, '401': {description: no}, '403': {description: no}}
                security: [{bearer: []}]
                """);

        // then
        assertThat(undeclared.name()).isEqualTo("test.yaml makeThing (POST /api/v1/things)");
        assertThat(undeclared.problems()).singleElement().asString().startsWith("declares no x-duban-roles");
        assertThatThrownBy(undeclared::roles).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("makeThing");
    }

    @Test
    void aValueOutsideTheVocabularyOrNamedTwiceIsRefused() {
        // then
        assertThat(single(declared("[SUPERVISOR, ADMIN]", "/api/v1/things")).problems())
                .containsExactly("x-duban-roles names ADMIN, which is none of "
                        + "[PUBLIC, SUPERVISOR, LEADER, ANY_UNIT, OWNING_UNIT, OFFICE_INBOX]");
        assertThat(single(declared("[LEADER, LEADER]", "/api/v1/things")).problems())
                .containsExactly("x-duban-roles names LEADER twice");
        assertThat(single(declared("[]", "/api/v1/things")).problems()).singleElement().asString()
                .startsWith("declares no x-duban-roles");
    }

    @Test
    void publicMeansNoTokenAndNoTokenMeansPublic() {
        // given
        OperationAccess publicWithToken = single(declared("[PUBLIC]", "/api/v1/things"));
        OperationAccess openButOffice = single("""
                paths:
                  /api/v1/public/things:
                    post:
                      operationId: makeThing
                      x-duban-roles: [SUPERVISOR]
                      security: []
                      responses: {'201': {description: made}, '401': {description: no}, '403': {description: no}}
                """);

        // then
        assertThat(publicWithToken.problems())
                .contains("is declared PUBLIC but its security asks for a token: add security: []");
        assertThat(openButOffice.problems()).contains("needs no token (security: []) but is not declared PUBLIC");
        assertThat(single(declared("[PUBLIC, LEADER]", "/api/v1/things")).problems())
                .contains("PUBLIC stands alone: anyone may call it");
    }

    @Test
    void anOwnedObjectNeedsAPathThatNamesOne() {
        // then
        assertThat(single(declared("[OWNING_UNIT]", "/api/v1/things")).problems()).containsExactly(
                "names no object in its path, so nothing can be owned: use ANY_UNIT or an office role");
        assertThat(single(declared("[OWNING_UNIT]", "/api/v1/things/{id}")).problems()).isEmpty();
        assertThat(single(declared("[ANY_UNIT, OWNING_UNIT]", "/api/v1/things/{id}")).problems())
                .containsExactly("ANY_UNIT already lets the owning unit in: name one of them");
    }

    @Test
    void everyRefusalTheDeclarationImpliesMustBeADocumentedResponse() {
        // given: another unit gets 404 for an owned object, but the operation documents no 404
        OperationAccess undocumented = single("""
                paths:
                  /api/v1/things/{id}:
                    get:
                      operationId: getThing
                      x-duban-roles: [SUPERVISOR, OWNING_UNIT]
                      responses: {'200': {description: ok}, '401': {description: no}, '403': {description: no}}
                security: [{bearer: []}]
                """);

        // then
        assertThat(undocumented.problems())
                .containsExactly("answers another unit 404 but does not document a '404' response");
    }

    @Test
    void aTokenThePlatformRefusesIsAnsweredUnauthenticatedEvenWherePublic() {
        // given
        OperationAccess open = single("""
                paths:
                  /api/v1/public/things:
                    post:
                      operationId: askThing
                      x-duban-roles: [PUBLIC]
                      security: []
                      responses: {'200': {description: ok}, '401': {description: bad token}}
                """);

        // then
        for (CallerKind caller : CallerKind.values()) {
            assertThat(open.expected(caller)).as(caller.name())
                    .isEqualTo(caller.presentsUnusableToken() ? Answer.UNAUTHENTICATED : Answer.ALLOWED);
        }
    }

    @Test
    void anotherUnitGetsNotFoundForAnOwnedObjectAndForbiddenForAnOfficeOperation() {
        // given
        OperationAccess owned = single(declared("[SUPERVISOR, LEADER, OWNING_UNIT]", "/api/v1/things/{id}"));
        OperationAccess office = single(declared("[SUPERVISOR]", "/api/v1/things/{id}"));
        OperationAccess anyUnit = single(declared("[LEADER, ANY_UNIT]", "/api/v1/things"));

        // then
        assertThat(answers(owned)).containsExactly(Answer.UNAUTHENTICATED, Answer.ALLOWED, Answer.ALLOWED,
                Answer.ALLOWED, Answer.NOT_FOUND);
        assertThat(answers(office)).containsExactly(Answer.UNAUTHENTICATED, Answer.ALLOWED, Answer.FORBIDDEN,
                Answer.FORBIDDEN, Answer.FORBIDDEN);
        assertThat(answers(anyUnit)).containsExactly(Answer.UNAUTHENTICATED, Answer.FORBIDDEN, Answer.ALLOWED,
                Answer.ALLOWED, Answer.ALLOWED);
    }

    @Test
    void aSupervisorOfTheOfficeInboxGetsNotFoundForAUnitsMessage() {
        // given
        OperationAccess acknowledge = single(declared("[OFFICE_INBOX, OWNING_UNIT]", "/api/v1/things/{id}/ack"));

        // then
        assertThat(answers(acknowledge)).containsExactly(Answer.UNAUTHENTICATED, Answer.NOT_FOUND, Answer.FORBIDDEN,
                Answer.ALLOWED, Answer.NOT_FOUND);
        assertThat(single(declared("[SUPERVISOR, OFFICE_INBOX]", "/api/v1/things/{id}")).problems()).containsExactly(
                "SUPERVISOR already lets every supervisor in: name one of SUPERVISOR and OFFICE_INBOX");
    }

    /** No token, supervisor, leader, the owning unit, another unit. */
    private static List<Answer> answers(OperationAccess operation) {
        assertThat(operation.problems()).isEmpty();
        return Stream.of(CallerKind.NO_TOKEN, CallerKind.SUPERVISOR, CallerKind.LEADER, CallerKind.OWNING_UNIT,
                CallerKind.OTHER_UNIT).map(operation::expected).toList();
    }

    /** A GET of {@code path} declaring {@code roles}, documenting 200, 401, 403 and 404. */
    private static String declared(String roles, String path) {
        return """
                paths:
                  %s:
                    get:
                      operationId: thing
                      x-duban-roles: %s
                      responses: {'200': {description: ok}, '401': {description: no}, '403': {description: no}, '404': {description: no}}
                security: [{bearer: []}]
                """.formatted(path, roles);
    }

    private static OperationAccess single(String yaml) {
        List<OperationAccess> operations = ApiDocuments.parse(yaml);
        assertThat(operations).hasSize(1);
        return operations.get(0);
    }
}
