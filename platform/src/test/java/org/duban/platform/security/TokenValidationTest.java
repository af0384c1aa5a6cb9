package org.duban.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenValidationTest {

    private static final String ISSUER = "https://idp.example.gov.cn/realms/office";

    private final OAuth2TokenValidator<Jwt> validator =
            TokenValidation.validator(new TokenProperties(ISSUER, null, null, null, 0), new MockEnvironment());

    @Test
    void acceptsATokenOfTheIssuerForTheAudience() {
        assertThat(validator.validate(token(ISSUER, List.of("duban", "other"), Map.of("roles", List.of("SUPERVISOR"))))
                .hasErrors()).isFalse();
        assertThat(validator.validate(token(ISSUER, List.of("duban"), Map.of("roles", List.of("UNIT"), "unitId", "u-1")))
                .hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuerAnotherAudienceAndATokenMixingAUnitWithTheOffice() {
        assertThat(validator.validate(token("duban-local", List.of("duban"), Map.of("roles", List.of("SUPERVISOR"))))
                .hasErrors()).isTrue();
        assertThat(validator.validate(token(ISSUER, List.of("another"), Map.of("roles", List.of("SUPERVISOR"))))
                .hasErrors()).isTrue();
        assertThat(validator.validate(token(ISSUER, List.of("duban"),
                Map.of("roles", List.of("UNIT", "LEADER"), "unitId", "u-1"))).getErrors())
                .anySatisfy(error -> assertThat(error.getDescription()).contains("may not mix"));
    }

    @Test
    void theDevIssuerIsRefusedOutsideTheLocalProfile() {
        assertThatThrownBy(() -> TokenValidation.validator(new TokenProperties("duban-local", null, null, null, 0),
                new MockEnvironment())).isInstanceOf(IllegalStateException.class);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(TokenValidation.validator(new TokenProperties("duban-local", null, null, null, 0), local)).isNotNull();
    }

    private static Jwt token(String issuer, List<String> audience, Map<String, Object> claims) {
        Instant now = Instant.now();
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").issuer(issuer)
                .audience(audience).issuedAt(now).expiresAt(now.plusSeconds(600));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
