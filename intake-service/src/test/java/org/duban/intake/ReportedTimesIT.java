package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.bson.Document;
import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Times units send (受理告知 {@code noticeSentAt}, 答复 {@code repliedAt}) over real HTTP: taken with the
 * clock-skew tolerance (5 minutes by default) and at the precision people give them; a time clearly
 * before the issue or in the future is refused naming the bound it broke, and changes nothing.
 */
class ReportedTimesIT extends RunningIntake {

    private static final String ASSIGNMENTS = "/api/v1/assignments/";

    @Test
    void aNoticeSentAtTheCurrentSecondRightAfterTheIssueIsAccepted() {
        // given: the issue's reproduction — issue, then at once `date -u +%Y-%m-%dT%H:%M:%SZ`
        Unit unit = registerUnit();
        String id = issueTo(unit.id());
        String currentSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        // when
        HttpCalls.Answer accepted = http.post(ASSIGNMENTS + id + "/accept", unit.token(),
                "{\"noticeSentAt\":\"" + currentSecond + "\"}");

        // then
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        assertThat(Instant.parse(accepted.text("noticeSentAt"))).isEqualTo(Instant.parse(currentSecond));
    }

    @Test
    void aNoticeTypedToTheMinuteInTheOfficesZoneIsAccepted() {
        // given: a person types the current minute on a form, in office time (+08:00)
        Unit unit = registerUnit();
        String id = issueTo(unit.id());
        String currentMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES)
                .atOffset(java.time.ZoneOffset.ofHours(8)).toString();

        // when
        HttpCalls.Answer accepted = http.post(ASSIGNMENTS + id + "/accept", unit.token(),
                "{\"noticeSentAt\":\"" + currentMinute + "\"}");

        // then
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    }

    @Test
    void aNoticeAnHourBeforeTheIssueIsRefusedNamingTheIssueAndChangesNothing() {
        // given
        Unit unit = registerUnit();
        String id = issueTo(unit.id());
        String issuedAt = http.get(ASSIGNMENTS + id, SUPERVISOR).text("issuedAt");
        long version = version(id);

        // when
        HttpCalls.Answer refused = http.post(ASSIGNMENTS + id + "/accept", unit.token(),
                "{\"noticeSentAt\":\"" + Instant.parse(issuedAt).minus(Duration.ofHours(1)) + "\"}");

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("noticeSentAt");
        assertThat(refused.body().path("errors").get(0).path("message").asString())
                .isEqualTo("must not be before the assignment was issued ("
                        + Instant.parse(issuedAt).truncatedTo(ChronoUnit.SECONDS) + ")");
        assertThat(version(id)).isEqualTo(version);
        assertThat(http.get(ASSIGNMENTS + id, SUPERVISOR).text("status")).isEqualTo("ASSIGNED");
    }

    @Test
    void aNoticeTenMinutesInTheFutureIsRefusedSayingByHowMuchAtMost() {
        // given
        Unit unit = registerUnit();
        String id = issueTo(unit.id());

        // when
        HttpCalls.Answer refused = http.post(ASSIGNMENTS + id + "/accept", unit.token(),
                "{\"noticeSentAt\":\"" + Instant.now().plus(Duration.ofMinutes(10)) + "\"}");

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("noticeSentAt");
        assertThat(refused.body().path("errors").get(0).path("message").asString())
                .isEqualTo("must not be more than 5 minutes in the future");
        assertThat(http.get(ASSIGNMENTS + id, SUPERVISOR).text("status")).isEqualTo("ASSIGNED");
    }

    @Test
    void aReplyFromAUnitWhoseClockRunsTwoMinutesAheadIsTakenTenMinutesAheadIsNot() {
        // given
        Unit unit = registerUnit();
        String id = issueTo(unit.id());
        assertThat(http.post(ASSIGNMENTS + id + "/accept", unit.token(),
                "{\"noticeSentAt\":\"" + Instant.now() + "\"}").status()).isEqualTo(200);

        // when
        HttpCalls.Answer tooFar = http.post(ASSIGNMENTS + id + "/final-report", unit.token(), finalReport(
                Instant.now().plus(Duration.ofMinutes(10))));
        HttpCalls.Answer skewed = http.post(ASSIGNMENTS + id + "/final-report", unit.token(), finalReport(
                Instant.now().plus(Duration.ofMinutes(2))));

        // then
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.body().path("errors").get(0).path("field").asString()).isEqualTo("repliedAt");
        assertThat(skewed.status()).as(skewed.body().toString()).isEqualTo(200);
        assertThat(skewed.text("status")).isEqualTo("REPORTED");
    }

    record Unit(String id, String token) {
    }

    private static String finalReport(Instant repliedAt) {
        return "{\"outcome\":\"SOLVED\",\"resolved\":true,\"summary\":\"已答复信访人\",\"repliedAt\":\"" + repliedAt + "\"}";
    }

    private long version(String id) {
        return database.getCollection("assignments").find(new Document("_id", id)).first().getLong("version");
    }

    private Unit registerUnit() {
        HttpCalls.Answer answer = http.post("/api/v1/units", SUPERVISOR, "{\"code\":\"T"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"城关街道办事处\",\"kind\":\"SUB_DISTRICT\"}");
        assertThat(answer.status()).isEqualTo(201);
        return new Unit(answer.text("id"), TestTokens.unit("wang.fang", answer.text("id")));
    }

    private String issueTo(String unitId) {
        HttpCalls.Answer matter = http.post("/api/v1/cases", SUPERVISOR, "{\"title\":\"小区加装电梯纠纷\","
                + "\"summary\":\"反映小区加装电梯协调不力\",\"channel\":\"VISIT\",\"origin\":\"SELF\","
                + "\"category\":\"URBAN_RURAL_CONSTRUCTION\",\"petitioner\":{\"name\":\"李某\"}}");
        assertThat(matter.status()).isEqualTo(201);
        HttpCalls.Answer issued = http.post("/api/v1/cases/" + matter.text("id") + "/assignments", SUPERVISOR,
                "{\"unitId\":\"" + unitId + "\",\"kind\":\"ASSIGN\"}");
        assertThat(issued.status()).isEqualTo(201);
        return issued.text("id");
    }
}
