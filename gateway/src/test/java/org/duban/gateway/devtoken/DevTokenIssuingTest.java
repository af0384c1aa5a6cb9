package org.duban.gateway.devtoken;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.duban.gateway.testing.RunningGateway;
import org.duban.gateway.testing.TokenFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.ProblemAssertions.json;

@ActiveProfiles("local")
class DevTokenIssuingTest extends RunningGateway {

    /** The gateway trusts its own dev tokens here: the local profile runs. */
    @DynamicPropertySource
    static void devIssuer(DynamicPropertyRegistry registry) {
        // the property itself, not DUBAN_JWT_ISSUER, which the base class sets too (which of two values for
        // one name wins is not defined)
        registry.add("duban.security.token.issuer", () -> "duban-local");
    }

    @Test
    void signsATokenForAUnitThatVerifiesAgainstThePublicKey() throws Exception {
        // given
        Instant before = Instant.now().minusSeconds(1);

        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens",
                "{\"subject\":\"clerk-7\",\"roles\":[\"UNIT\"],\"unitId\":\"unit-42\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response.body());
        SignedJWT jwt = SignedJWT.parse(answer.path("token").asString());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(TokenFixtures.publicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("clerk-7");
        assertThat(claims.getStringListClaim("roles")).containsExactly("UNIT");
        assertThat(claims.getStringClaim("unitId")).isEqualTo("unit-42");
        assertThat(claims.getIssuer()).isEqualTo("duban-local");
        assertThat(claims.getAudience()).containsExactly("duban");
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
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("{\"subject\":\"\",\"roles\":[]}", List.of("subject", "roles")),
                Arguments.of("{\"roles\":[\"LEADER\"]}", List.of("subject")),
                Arguments.of("{\"subject\":\"x\",\"roles\":[\"SUPERVISOR\",\"ADMIN\"]}", List.of("roles[1]")),
                Arguments.of("{\"subject\":\"x\",\"roles\":[null]}", List.of("roles")),
                Arguments.of("{\"subject\":\"x\",\"roles\":[\"UNIT\",\"LEADER\"],\"unitId\":\"u-1\"}", List.of("roles")),
                Arguments.of("{subject", List.of("body")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void namesTheOffendingFieldsOfAnInvalidRequest(String body, List<String> fields) {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens", body);

        // then
        JsonNode problem = assertProblem(response, 400, "invalid-request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrderElementsOf(fields);
    }
}
