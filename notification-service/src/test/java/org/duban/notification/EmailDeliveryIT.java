package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.notification.AcknowledgementScenario.INTAKE;
import static org.duban.notification.AcknowledgementScenario.PATIENCE;
import static org.duban.notification.AcknowledgementScenario.SUPERVISOR;
import static org.duban.notification.WebhookFixtures.issued;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.duban.contracts.events.UnitContact;
import org.duban.contracts.events.UnitRegistered;
import org.duban.platform.testing.TestEvents;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * E-mail to a unit's contacts over real SMTP (GreenMail): the contacts come from intake's
 * {@code UnitRegistered}, the message from the assignment that follows.
 */
@TestPropertySource(properties = {
    "duban.notification.email.enabled=true",
    "duban.notification.email.from=duban@xq.example.gov.cn",
    "duban.notification.delivery.retry-schedule=0s,300ms,300ms",
    "duban.notification.email.contacts-wait=3s",
    "duban.notification.delivery.poll-interval=100ms"})
class EmailDeliveryIT extends RunningNotification {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @Test
    void theUnitsContactsAreEmailedTheMessageInChinese() throws Exception {
        // given
        String unit = TestTokens.unit("li.na", "unit-mail");
        TestEvents.send(bootstrap, INTAKE, new UnitRegistered("unit-mail", "XLK", "小龙坎街道办事处", "SUB_DISTRICT",
                List.of(new UnitContact("李娜", "信访办主任", "023-6531-0001", "li.na@xlk.example.gov.cn"),
                        new UnitContact("王芳", "联络员", "023-6531-0002", "wang.fang@xlk.example.gov.cn"),
                        new UnitContact("值班室", "值班", "023-6531-0003", null)),
                Instant.now(), SUPERVISOR));

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-m1", "unit-mail"));

        // then
        await().atMost(PATIENCE).until(() -> about("case-asg-m1").length >= 2);
        MimeMessage[] received = about("case-asg-m1");
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("新交办事项：case-asg-m1");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("duban@xq.example.gov.cn");
        assertThat(List.of(mail.getRecipients(Message.RecipientType.TO)).stream().map(Object::toString))
                .containsExactlyInAnyOrder("li.na@xlk.example.gov.cn", "wang.fang@xlk.example.gov.cn");
        assertThat(mail.getContent().toString()).contains("区信访办向你单位交办信访事项 case-asg-m1");
        assertThat(GreenMailUtil.getHeaders(mail)).contains("X-Duban-Delivery-Id");
        JsonNode delivery = await().atMost(PATIENCE).until(() -> http.get("/api/v1/deliveries", unit).body()
                .path("items").valueStream().filter(item -> item.path("channel").asString().equals("EMAIL"))
                .filter(item -> item.path("status").asString().equals("DELIVERED")).findFirst().orElse(null),
                found -> found != null);
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.path("webhookId").isMissingNode()).isTrue();
    }

    @Test
    void anEmailWaitsForTheUnitsContactsWhenTheyArriveAfterTheMessageAndThenGoesOut() throws Exception {
        // given: the assignment comes before the unit's UnitRegistered (another partition key)
        String unit = TestTokens.unit("sun.li", "unit-late");
        TestEvents.send(bootstrap, INTAKE, issued("asg-m3", "unit-late"));
        JsonNode waiting = emailDelivery(unit, "PENDING");
        assertThat(waiting.path("attempts")).isEmpty();

        // when
        TestEvents.send(bootstrap, INTAKE, new UnitRegistered("unit-late", "SPB", "沙坪坝街道办事处", "SUB_DISTRICT",
                List.of(new UnitContact("孙丽", "联络员", "023-6531-0009", "sun.li@spb.example.gov.cn")),
                Instant.now(), SUPERVISOR));

        // then: within the wait, to the address that arrived
        MimeMessage mail = await().atMost(PATIENCE).until(() -> sentTo("sun.li@spb.example.gov.cn"), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("新交办事项：case-asg-m3");
        JsonNode delivered = emailDelivery(unit, "DELIVERED");
        assertThat(delivered.path("id").asString()).isEqualTo(waiting.path("id").asString());
        assertThat(delivered.path("attempts")).hasSize(1);
    }

    @Test
    void anEmailWhoseUnitsContactsNeverArriveFailsForGoodAfterTheWaitWithAClearErrorAndTheInboxHasTheMessage() {
        // given
        String unit = TestTokens.unit("zhao.lei", "unit-nomail");
        int before = SMTP.getReceivedMessages().length;

        // when
        TestEvents.send(bootstrap, INTAKE, issued("asg-m2", "unit-nomail"));

        // then
        await().atMost(PATIENCE).until(() -> http.get("/api/v1/inbox", unit).body().path("items").size() == 1);
        JsonNode failed = emailDelivery(unit, "FAILED");
        assertThat(Duration.between(Instant.parse(failed.path("createdAt").asString()),
                Instant.parse(failed.path("completedAt").asString()))).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(failed.path("attempts")).hasSize(1);
        assertThat(failed.at("/attempts/0/error").asString())
                .isEqualTo("no e-mail address of unit unit-nomail is known: its contacts (UnitRegistered) did not"
                        + " arrive within PT3S, or name no e-mail address");
        assertThat(SMTP.getReceivedMessages()).hasSize(before);
    }

    private JsonNode emailDelivery(String unitToken, String status) {
        return await().atMost(PATIENCE).until(() -> http.get("/api/v1/deliveries", unitToken).body()
                .path("items").valueStream().filter(item -> item.path("channel").asString().equals("EMAIL"))
                .filter(item -> item.path("status").asString().equals(status)).findFirst().orElse(null),
                found -> found != null);
    }

    /** The messages received whose subject names {@code caseId} (one per recipient). */
    private static MimeMessage[] about(String caseId) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getSubject().endsWith(caseId)) {
                found.add(message);
            }
        }
        return found.toArray(MimeMessage[]::new);
    }

    private static MimeMessage sentTo(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            for (jakarta.mail.Address to : message.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().equals(address)) {
                    return message;
                }
            }
        }
        return null;
    }
}
