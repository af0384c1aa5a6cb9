package org.duban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.duban.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The console's list of matters over real HTTP (GET /api/v1/cases): office staff only, filters that
 * combine, exact totals, and 400 naming the field for every malformed filter. Every test marks its
 * matters' titles with a word of its own and searches for it, since all tests share one database.
 */
class MatterSearchIT extends RunningIntake {

    private static final String CASES = "/api/v1/cases";
    private static final String LEADER = TestTokens.leader("wang.qiang");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    @Test
    void supervisorsAndLeadersFindMattersByTitleLiterallyIgnoringCaseOrByWholeIdAndAUnitIsRefused() {
        // given
        String marker = marker();
        String elevator = register(marker + " 加装电梯(一期)纠纷", "{}");
        String pattern = register(marker + " Lift.*Dispute", "{}");

        // when
        HttpCalls.Answer bySupervisor = list("q=" + marker, SUPERVISOR);
        HttpCalls.Answer byLeader = list("q=" + marker, LEADER);
        HttpCalls.Answer parentheses = list("q=" + encode(marker + " 加装电梯(一期)"), LEADER);
        HttpCalls.Answer wildcard = list("q=" + encode(marker + " lift.*"), LEADER);
        HttpCalls.Answer noWildcard = list("q=" + encode(marker + " l.ft"), LEADER);
        HttpCalls.Answer byId = list("q=" + elevator, LEADER);
        HttpCalls.Answer byUnit = list("q=" + marker, TestTokens.unit("li.na", "unit-1"));

        // then
        assertThat(ids(bySupervisor)).containsExactly(pattern, elevator);
        assertThat(ids(byLeader)).containsExactly(pattern, elevator);
        assertThat(byLeader.body().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(byLeader.body().toString()).doesNotContain("李某", "petitioner");
        assertThat(ids(parentheses)).containsExactly(elevator);
        assertThat(ids(wildcard)).containsExactly(pattern);
        assertThat(ids(noWildcard)).isEmpty();
        assertThat(ids(byId)).containsExactly(elevator);
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(byUnit.text("type")).isEqualTo("urn:duban:problem:forbidden");
    }

    @Test
    void theFiltersCombineAndThePageCountsOnlyWhatMatches() {
        // given
        String marker = marker();
        String cityRealEstate = register(marker + " 商品房延期交付", "{\"category\":\"REAL_ESTATE\",\"channel\":\"ONLINE\","
                + "\"origin\":\"CITY\",\"prominent\":true}");
        String ownRealEstate = register(marker + " 物业收费争议", "{\"category\":\"REAL_ESTATE\",\"channel\":\"VISIT\","
                + "\"origin\":\"SELF\",\"prominent\":false}");
        HttpCalls.Answer lastRegistered = http.post(CASES, SUPERVISOR, caseJson(marker + " 学位分配",
                "{\"category\":\"EDUCATION\",\"channel\":\"ONLINE\",\"origin\":\"CITY\",\"prominent\":true}"));
        String cityEducation = lastRegistered.text("id");
        LocalDate day = Instant.parse(lastRegistered.text("registeredAt")).atZone(OFFICE).toLocalDate();
        String q = "q=" + marker;

        // when
        HttpCalls.Answer realEstate = list(q + "&category=REAL_ESTATE", LEADER);
        HttpCalls.Answer secondPage = list(q + "&category=REAL_ESTATE&page=1&size=1", LEADER);
        HttpCalls.Answer onlineCityProminent = list(q + "&channel=ONLINE&origin=CITY&prominent=true", LEADER);
        HttpCalls.Answer notProminent = list(q + "&prominent=false", LEADER);
        HttpCalls.Answer named = list("ids=" + cityRealEstate + "," + cityEducation + ",no-such-case", LEADER);
        HttpCalls.Answer thatDay = list(q + "&registeredFrom=" + day + "&registeredTo=" + day.plusDays(1), LEADER);
        HttpCalls.Answer beforeThatDay = list(q + "&registeredTo=" + day, LEADER);
        HttpCalls.Answer fromTheNextDay = list(q + "&registeredFrom=" + day.plusDays(1), LEADER);

        // then
        assertThat(ids(realEstate)).containsExactly(ownRealEstate, cityRealEstate);
        assertThat(ids(secondPage)).containsExactly(cityRealEstate);
        assertThat(secondPage.body().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(secondPage.body().path("page").path("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(onlineCityProminent)).containsExactly(cityEducation, cityRealEstate);
        assertThat(ids(notProminent)).containsExactly(ownRealEstate);
        assertThat(ids(named)).containsExactly(cityEducation, cityRealEstate);
        assertThat(ids(thatDay)).hasSize(3);
        assertThat(ids(beforeThatDay)).isEmpty();
        assertThat(ids(fromTheNextDay)).isEmpty();
    }

    @Test
    void aMalformedFilterAnswers400NamingTheField() {
        // given
        String tooManyIds = String.join(",", IntStream.rangeClosed(1, 101).mapToObj(i -> "c" + i).toList());

        // when / then
        refused("category=NOPE", "category");
        refused("channel=FAX", "channel");
        refused("origin=MARS", "origin");
        refused("prominent=maybe", "prominent");
        refused("registeredFrom=not-a-date", "registeredFrom");
        refused("registeredTo=2024-13-01", "registeredTo");
        refused("registeredFrom=2024-03-02&registeredTo=2024-03-01", "registeredTo");
        refused("registeredFrom=2024-03-02&registeredTo=2024-03-02", "registeredTo");
        refused("q=", "q");
        refused("q=" + "x".repeat(101), "q");
        refused("q=%20%20", "q");
        refused("ids=" + tooManyIds, "ids");
        refused("ids=" + "x".repeat(65), "ids");
        refused("size=0", "size");
    }

    private void refused(String query, String field) {
        HttpCalls.Answer answer = list(query, LEADER);
        assertThat(answer.status()).as(query + " → " + answer.body()).isEqualTo(400);
        assertThat(answer.text("type")).isEqualTo("urn:duban:problem:invalid-request");
        assertThat(answer.body().path("errors").findValuesAsString("field")).as(query).contains(field);
    }

    private HttpCalls.Answer list(String query, String token) {
        return http.get(CASES + "?" + query, token);
    }

    private static List<String> ids(HttpCalls.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("items").findValuesAsString("id");
    }

    private String register(String title, String extra) {
        HttpCalls.Answer answer = http.post(CASES, SUPERVISOR, caseJson(title, extra));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    /** A registering body with {@code title} and {@code extra}'s fields over the defaults. */
    private static String caseJson(String title, String extra) {
        String fields = extra.substring(1, extra.length() - 1).trim();
        String defaults = (fields.contains("\"category\"") ? "" : "\"category\":\"URBAN_RURAL_CONSTRUCTION\",")
                + (fields.contains("\"channel\"") ? "" : "\"channel\":\"VISIT\",")
                + (fields.contains("\"origin\"") ? "" : "\"origin\":\"SELF\",");
        return "{\"title\":\"" + title + "\",\"summary\":\"反映的问题\"," + defaults
                + "\"petitioner\":{\"name\":\"李某\"}" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    /** A word no other test's titles hold. */
    private static String marker() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
