package org.duban.gateway.devtoken;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.duban.gateway.testing.RunningGateway;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.ProblemAssertions.json;

@ActiveProfiles("local")
class DevTokenIssuingTest extends RunningGateway {

    @Test
    void signsATokenForAUnitThatVerifiesAgainstThePublicKey() throws Exception {
        // given
        Instant before = Instant.now().minusSeconds(1);

        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens",
                "{\"subject\":\"clerk-7\",\"roles\":[\"UNIT\",\"LEADER\"],\"unitId\":\"unit-42\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response.body());
        SignedJWT jwt = SignedJWT.parse(answer.path("token").asString());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(TokenFixtures.publicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("clerk-7");
        assertThat(claims.getStringListClaim("roles")).containsExactly("UNIT", "LEADER");
        assertThat(claims.getStringClaim("unitId")).isEqualTo("unit-42");
        assertThat(claims.getIssuer()).isEqualTo("duban-local");
        assertThat(claims.getIssueTime().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
        assertThat(OffsetDateTime.parse(answer.path("expiresAt").asString()).toInstant())
                .isCloseTo(claims.getExpirationTime().toInstant(), within(Duration.ofSeconds(1)));
    }

    @Test
    void signsATokenTheGatewayAccepts() {
        // given
        HttpResponse<String> issued = gateway.postJson("/api/v1/dev/tokens",
                "{\"subject\":\"supervisor-1\",\"roles\":[\"SUPERVISOR\"]}");
        String token = json(issued.body()).path("token").asString();

        // when
        HttpResponse<String> response = gateway.getWithToken("/api/v1/cases", token);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(INTAKE.received()).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void refusesAUnitTokenWithoutUnitId() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens",
                "{\"subject\":\"clerk-7\",\"roles\":[\"UNIT\"]}");

        // then
        JsonNode problem = assertProblem(response, 400, "invalid-request");
        assertThat(problem.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asString()).isEqualTo("unitId");
            assertThat(error.path("message").asString()).isNotBlank();
        });
    }

    @Test
    void namesEveryInvalidFieldOfAnInvalidRequest() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens", "{\"subject\":\"\",\"roles\":[]}");

        // then
        JsonNode problem = assertProblem(response, 400, "invalid-request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("subject", "roles");
    }

    @Test
    void namesAnUnknownRole() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens",
                "{\"subject\":\"x\",\"roles\":[\"SUPERVISOR\",\"ADMIN\"]}");

        // then
        JsonNode problem = assertProblem(response, 400, "invalid-request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("roles[1]");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens", "{subject");

        // then
        JsonNode problem = assertProblem(response, 400, "invalid-request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("body");
    }
}
