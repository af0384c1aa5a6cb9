package org.duban.console;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.duban.client.intake.model.Unit;
import org.duban.client.intake.model.UnitKind;
import org.duban.client.intake.model.UnitPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

/** Answers of the platform, as the generated client returns them or throws them. */
public final class ConsoleFixtures {

    public static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 3, 2, 0, 0, 0, ZoneOffset.UTC);

    public static final Unit CHENGGUAN = new Unit().id("unit-cg").code("CGJD").name("城关街道办事处")
            .kind(UnitKind.SUB_DISTRICT).contacts(List.of()).registeredAt(NOW);
    public static final Unit EDUCATION_BUREAU = new Unit().id("unit-jy").code("JYJ").name("区教育局")
            .kind(UnitKind.DEPARTMENT).contacts(List.of()).registeredAt(NOW);

    private ConsoleFixtures() {
    }

    public static UnitPage unitPage(List<Unit> units) {
        return new UnitPage().items(units).page(new org.duban.client.intake.model.PageInfo()
                .page(0).size(200).totalElements((long) units.size()).totalPages(1));
    }

    /** A refusal with a problem document, e.g. {@code refusal(400, "{\"errors\":[…]}")}. */
    public static HttpClientErrorException refusal(int status, String problemJson) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return HttpClientErrorException.create(HttpStatus.valueOf(status), HttpStatus.valueOf(status).getReasonPhrase(),
                headers, problemJson.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** A field refused by the platform, as its problem document names it. */
    public static HttpClientErrorException invalid(String field, String message) {
        return refusal(400, """
                {"type":"urn:duban:problem:invalid-request","title":"Bad Request","status":400,
                 "detail":"The request is not valid: %s","requestId":"req-1",
                 "errors":[{"field":"%s","message":"%s"}]}""".formatted(field, field, message));
    }

    /** A state conflict, as the platform answers it. */
    public static HttpClientErrorException stateConflict(String what, String id, String state, String action) {
        return refusal(409, """
                {"type":"urn:duban:problem:state-conflict","title":"Conflict","status":409,
                 "detail":"%s %s is %s: cannot %s","state":"%s","requestId":"req-2"}""".formatted(what, id, state, action, state));
    }

    public static HttpServerErrorException unavailable() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", headers,
                """
                {"type":"urn:duban:problem:service-unavailable","status":503,"detail":"intake-service is unavailable",
                 "requestId":"req-503"}""".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
