package org.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.duban.client.ApiClient;
import org.duban.client.DubanApiClient;
import org.duban.client.api.AlertsApi;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.CasesApi;
import org.duban.client.api.DevTokensApi;
import org.duban.client.api.InboxApi;
import org.duban.client.api.StatisticsApi;
import org.duban.client.api.UnitsApi;
import org.duban.client.api.WebhooksApi;
import org.duban.client.model.Alert;
import org.duban.client.model.Assignment;
import org.duban.client.model.AssignmentKind;
import org.duban.client.model.Category;
import org.duban.client.model.Channel;
import org.duban.client.model.DevTokenRequest;
import org.duban.client.model.DevTokenRequest.RolesEnum;
import org.duban.client.model.InboxMessage;
import org.duban.client.model.IssueAssignmentRequest;
import org.duban.client.model.Origin;
import org.duban.client.model.Petitioner;
import org.duban.client.model.RegisterCaseRequest;
import org.duban.client.model.RegisterUnitRequest;
import org.duban.client.model.RegisterWebhookRequest;
import org.duban.client.model.UnitKind;
import org.duban.client.model.WebhookWithSecret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #17's fault test, not a timed one: assignments issued through the gateway, as an operator's system
 * would (every creating call with an {@code Idempotency-Key}, retried with the same key until answered), while
 * the Mongo-wire store, then the Kafka broker, is killed with SIGKILL and started again three times. Afterwards
 * every assignment answered exists exactly once in intake, on the board, in the unit's inbox and in the
 * statistics, and every webhook the unit's system received is about an assignment that exists.
 */
@ExtendWith(SharedPlatform.class)
class StoreAndBrokerKillsIT {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final int ASSIGNMENTS = 20;
    private static final int KILLS = 3;

    private static LocalPlatform platform;
    private static String supervisorToken;

    @BeforeAll
    static void thePlatform() {
        platform = SharedPlatform.platform();
        supervisorToken = token("zhao.lei", RolesEnum.SUPERVISOR, null);
    }

    @Test
    void everyAssignmentAnsweredWhileTheStoreIsKilledExistsOnceEverywhere() throws Exception {
        issueWhileKilling("mongo");
    }

    @Test
    void everyAssignmentAnsweredWhileTheBrokerIsKilledExistsOnceEverywhere() throws Exception {
        issueWhileKilling("kafka");
    }

    private void issueWhileKilling(String part) throws Exception {
        // given: a unit whose system receives its assignments by webhook
        String unitId = answered(() -> new UnitsApi(client(supervisorToken)).registerUnit(new RegisterUnitRequest()
                .code("K" + UUID.randomUUID().toString().substring(0, 8)).name("东关街道办事处")
                .kind(UnitKind.SUB_DISTRICT), UUID.randomUUID().toString()).getId());
        String unitToken = token("kill.test", RolesEnum.UNIT, unitId);
        long issuedBefore = answered(this::assignmentsIssuedToday);
        try (SignedWebhookReceiver receiver = new SignedWebhookReceiver()) {
            WebhookWithSecret webhook = answered(() -> new WebhooksApi(client(unitToken)).registerWebhook(
                    new RegisterWebhookRequest().url(receiver.url()).events(List.of("duban.assignment.issued.v1")),
                    "webhook-" + unitId));
            receiver.trust(webhook.getSecret());

            // when: assignments are issued one after the other while the part is killed and started again (a kill
            // every fifth assignment, once the part is back from the kill before)
            List<String> answeredIds = new ArrayList<>();
            CompletableFuture<Void> kill = CompletableFuture.completedFuture(null);
            int kills = 0;
            for (int i = 0; i < ASSIGNMENTS; i++) {
                if (i > 0 && i % (ASSIGNMENTS / (KILLS + 1)) == 0 && kills < KILLS) {
                    kill.get(5, TimeUnit.MINUTES);
                    kill = CompletableFuture.runAsync(() -> killAndStart(part));
                    kills++;
                }
                answeredIds.add(issueRetrying(unitId).getId());
            }
            kill.get(5, TimeUnit.MINUTES);

            // then: each exactly once, everywhere
            assertThat(answeredIds).doesNotHaveDuplicates().hasSize(ASSIGNMENTS);
            System.out.printf("%s killed %d times: %d assignments answered%n", part, kills, answeredIds.size());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(assignmentIdsInIntake(unitId)).as("the unit's assignments in intake")
                        .containsExactlyInAnyOrderElementsOf(answeredIds);
                assertThat(alertsOf(unitId)).extracting(Alert::getAssignmentId).as("the unit's alerts on the board")
                        .containsExactlyInAnyOrderElementsOf(answeredIds);
                assertThat(inbox(unitToken)).extracting(InboxMessage::getAssignmentId).as("the unit's inbox")
                        .containsExactlyInAnyOrderElementsOf(answeredIds);
                assertThat(assignmentsIssuedToday()).as("assignments issued today in the statistics")
                        .isEqualTo(issuedBefore + ASSIGNMENTS);
                List<String> announced = receiver.requests().stream().map(SignedWebhookReceiver.Request::body).toList();
                assertThat(answeredIds.stream().filter(id -> announced.stream().noneMatch(body -> body.contains(id))))
                        .as("assignments no webhook announced to the unit's system").isEmpty();
            });
            Set<String> existing = Set.copyOf(assignmentIdsInIntake(unitId));
            List<SignedWebhookReceiver.Request> delivered = receiver.requests();
            assertThat(delivered).isNotEmpty().allSatisfy(request ->
                    assertThat(existing.stream().filter(request.body()::contains).count())
                            .as("assignments of this unit named by webhook %s", request.body()).isEqualTo(1));
            System.out.printf("%s: intake %d, board %d, inbox %d, statistics +%d, webhooks delivered %d (%d distinct)%n",
                    part, existing.size(), alertsOf(unitId).size(), inbox(unitToken).size(),
                    assignmentsIssuedToday() - issuedBefore, delivered.size(),
                    delivered.stream().map(SignedWebhookReceiver.Request::body)
                            .map(body -> existing.stream().filter(body::contains).findFirst().orElse(""))
                            .collect(Collectors.toSet()).size());
        }
    }

    /** SIGKILL, then {@code ./duban start --detach} with no application: only the part that is missing starts. */
    private static void killAndStart(String part) {
        platform.kill(part);
        platform.start(Map.of("DUBAN_APPS", "none"));
    }

    /** A matter and its assignment, each call retried with its own key until it is answered. */
    private Assignment issueRetrying(String unitId) {
        String caseKey = UUID.randomUUID().toString();
        String caseId = answered(() -> new CasesApi(client(supervisorToken)).registerCase(new RegisterCaseRequest()
                .title("老旧小区停车难").summary("反映小区停车位不足").channel(Channel.VISIT).origin(Origin.SELF)
                .category(Category.URBAN_RURAL_CONSTRUCTION).petitioner(new Petitioner().name("周某")), caseKey).getId());
        String assignmentKey = UUID.randomUUID().toString();
        return answered(() -> new AssignmentsApi(client(supervisorToken)).issueAssignment(caseId,
                new IssueAssignmentRequest().unitId(unitId).kind(AssignmentKind.ASSIGN), assignmentKey));
    }

    /**
     * The call's answer, once there is one: made at once, and a failure (the store or broker down) retried every
     * half second, as a caller would.
     */
    private static <T> T answered(Supplier<T> call) {
        return await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(call::get, answer -> answer != null);
    }

    private List<String> assignmentIdsInIntake(String unitId) {
        return new AssignmentsApi(client(supervisorToken)).listAssignments(null, unitId, null, null, 0, 100).getItems()
                .stream().map(a -> a.getId()).toList();
    }

    private List<Alert> alertsOf(String unitId) {
        return new AlertsApi(client(supervisorToken)).listAlerts(null, unitId, null, 0, 100).getItems();
    }

    private static List<InboxMessage> inbox(String unitToken) {
        return new InboxApi(client(unitToken)).listInbox(null, 0, 100).getItems();
    }

    private long assignmentsIssuedToday() {
        LocalDate today = LocalDate.now(OFFICE);
        return new StatisticsApi(client(supervisorToken)).getStatistics(today, today.plusDays(1), null)
                .getAssignmentsIssued();
    }

    private static String token(String subject, RolesEnum role, String unitId) {
        return answered(() -> new DevTokensApi(new DubanApiClient(platform.gatewayUrl())).issueDevToken(
                new DevTokenRequest().subject(subject).roles(List.of(role)).unitId(unitId)).getToken());
    }

    private static ApiClient client(String token) {
        return new DubanApiClient(platform.gatewayUrl()).setBearerToken(token);
    }
}
