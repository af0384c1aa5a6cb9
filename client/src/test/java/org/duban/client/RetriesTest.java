package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.duban.client.FakeGateway.Answer;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.SupervisionsApi;
import org.duban.client.model.AcceptAssignmentRequest;
import org.duban.client.model.Assignment;
import org.duban.client.model.OpenSupervisionOrderRequest;
import org.duban.client.model.SupervisionForm;
import org.duban.client.model.SupervisionTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries repeat only what is safe to repeat: reads, and calls whose Idempotency-Key makes a repeat a no-op. */
class RetriesTest {

    private static final String ASSIGNMENT = """
            {"id":"asg-1","caseId":"case-1","unitId":"unit-1","kind":"ASSIGN","status":"ASSIGNED",
             "issuedAt":"2024-03-01T02:00:00Z","acceptanceDueAt":"2024-03-16T16:00:00Z"}""";
    private static final String ORDER = """
            {"id":"sup-1","assignmentId":"asg-1","caseId":"case-1","unitId":"unit-1"}""";
    private static final Answer UNAVAILABLE = Answer.problem(503, "urn:duban:problem:service-unavailable",
            "Service Unavailable", "intake is not answering");

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
    void repeatsAReadThatTheGatewayAnswered503AndReturnsTheLaterAnswer() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1", UNAVAILABLE, UNAVAILABLE, Answer.json(200, ASSIGNMENT));

        // when
        Assignment assignment = assignments(2).getAssignment("asg-1");

        // then
        assertThat(assignment.getId()).isEqualTo("asg-1");
        assertThat(gateway.requests()).hasSize(3);
    }

    @Test
    void repeatsACreatingCallWithTheSameIdempotencyKeyAfterTheConnectionWasLost() {
        // given
        gateway.answer("POST /api/v1/supervisions", Answer.dropped(), Answer.json(201, ORDER));
        SupervisionsApi orders = new SupervisionsApi(client(1));

        // when
        orders.openSupervisionOrder(new OpenSupervisionOrderRequest().assignmentId("asg-1")
                .trigger(SupervisionTrigger.DELAYING).form(SupervisionForm.LETTER), "order-for-asg-1");

        // then
        assertThat(gateway.requests()).extracting(FakeGateway.Request::idempotencyKey)
                .containsExactly("order-for-asg-1", "order-for-asg-1");
    }

    @Test
    void neverRepeatsACallWithoutIdempotencyKey() {
        // given: accepting twice is not the same as accepting once
        gateway.answer("POST /api/v1/assignments/asg-1/accept", UNAVAILABLE, Answer.json(200, ASSIGNMENT));

        // when
        ApiException failed = catchThrowableOfType(ApiException.class, () -> assignments(3).acceptAssignment("asg-1",
                new AcceptAssignmentRequest().noticeSentAt(OffsetDateTime.parse("2024-03-02T08:30:00+08:00"))));

        // then
        assertThat(failed.getCode()).isEqualTo(503);
        assertThat(gateway.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterItsRetriesAndHandsOverTheLastAnswerWithItsProblem() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1", UNAVAILABLE);

        // when
        ApiException failed = catchThrowableOfType(ApiException.class, () -> assignments(2).getAssignment("asg-1"));

        // then
        assertThat(gateway.requests()).hasSize(3);
        assertThat(failed.getProblem()).map(problem -> problem.getDetail()).hasValue("intake is not answering");
    }

    @Test
    void waitsAsLongAsRetryAfterAsksBeforeRepeating() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1",
                Answer.problem(429, "urn:duban:problem:rate-limited", "Too Many Requests", "slow down")
                        .with("Retry-After", "1"),
                Answer.json(200, ASSIGNMENT));
        long start = System.nanoTime();

        // when
        assignments(1).getAssignment("asg-1");

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(gateway.requests()).hasSize(2);
    }

    @Test
    void doesNotWaitLongerThanHalfAMinuteButHandsOverTheAnswer() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1",
                Answer.problem(503, "urn:duban:problem:service-unavailable", "Service Unavailable", "maintenance")
                        .with("Retry-After", "3600"));

        // when
        ApiException failed = catchThrowableOfType(ApiException.class, () -> assignments(3).getAssignment("asg-1"));

        // then
        assertThat(gateway.requests()).hasSize(1);
        assertThat(failed.getResponseHeaders().firstValue("Retry-After")).hasValue("3600");
    }

    @Test
    void repeatsNothingUnlessAsked() {
        // given
        gateway.answer("GET /api/v1/assignments/asg-1", UNAVAILABLE, Answer.json(200, ASSIGNMENT));

        // when
        ApiException failed = catchThrowableOfType(ApiException.class,
                () -> new AssignmentsApi(new DubanApiClient(gateway.url())).getAssignment("asg-1"));

        // then
        assertThat(failed.getCode()).isEqualTo(503);
        assertThat(gateway.requests()).hasSize(1);
    }

    private AssignmentsApi assignments(int retries) {
        return new AssignmentsApi(client(retries));
    }

    private ApiClient client(int retries) {
        return new DubanApiClient(gateway.url()).setBearerToken("unit-token")
                .setRetries(retries, Duration.ofMillis(10));
    }
}
