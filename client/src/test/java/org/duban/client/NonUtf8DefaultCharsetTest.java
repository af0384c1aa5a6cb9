package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.duban.client.FakeGateway.Answer;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.model.AcceptAssignmentRequest;
import org.duban.client.model.Assignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit's Java 11–17 host whose default charset is not UTF-8 (ISO-8859-1, GBK): the client still reads the
 * platform's answers and problems as the UTF-8 they are. Surefire runs this class alone in a JVM started with
 * {@code -Dfile.encoding=ISO-8859-1} (client/pom.xml, execution {@code non-utf8-default-charset}).
 */
class NonUtf8DefaultCharsetTest {

    private FakeGateway gateway;

    @BeforeEach
    void fakeGateway() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void runsInAJvmWhoseDefaultCharsetIsNotUtf8() {
        assertThat(Charset.defaultCharset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsAChineseProblemDetailAsUtf8() {
        // given
        gateway.answer("POST /api/v1/assignments/asg-1/accept", Answer.problem(409,
                "urn:duban:problem:state-conflict", "状态冲突", "交办件 asg-1 已签收，不能再次签收"));
        AssignmentsApi assignments = new AssignmentsApi(new DubanApiClient(gateway.url()).setBearerToken("unit"));

        // when
        ApiException refused = catchThrowableOfType(ApiException.class, () -> assignments.acceptAssignment("asg-1",
                new AcceptAssignmentRequest().noticeSentAt(OffsetDateTime.parse("2024-03-02T08:30:00+08:00"))));

        // then
        assertThat(refused.getProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.getTitle()).isEqualTo("状态冲突");
            assertThat(problem.getDetail()).isEqualTo("交办件 asg-1 已签收，不能再次签收");
        });
        assertThat(refused.getResponseBody()).contains("已签收");
    }

    @Test
    void readsAChineseAnswerAsUtf8() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1", Answer.json(200, """
                {"id":"asg-1","caseId":"case-1","unitId":"unit-1","kind":"ASSIGN","status":"ASSIGNED",
                 "issuedAt":"2024-03-01T02:00:00Z","acceptanceDueAt":"2024-03-16T16:00:00Z",
                 "dueAt":"2024-04-30T16:00:00Z","instructions":"请于期限内办结"}"""));
        AssignmentsApi assignments = new AssignmentsApi(new DubanApiClient(gateway.url()).setBearerToken("unit"));

        // when
        Assignment assignment = assignments.getAssignment("asg-1");

        // then
        assertThat(assignment.getInstructions()).isEqualTo("请于期限内办结");
    }
}
