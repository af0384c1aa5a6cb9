package org.duban.contracts.token;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenClaimsTest {

    @Test
    void anOfficeTokenAndAUnitTokenAreUsable() {
        assertThat(TokenClaims.refusal(List.of("SUPERVISOR"), null)).isEmpty();
        assertThat(TokenClaims.refusal(List.of("SUPERVISOR", "LEADER"), null)).isEmpty();
        assertThat(TokenClaims.refusal(List.of("UNIT"), "u-1")).isEmpty();
        assertThat(TokenClaims.refusal(null, null)).isEmpty();
    }

    @Test
    void aTokenMixingAUnitWithAnOfficeRoleIsRefused() {
        assertThat(TokenClaims.refusal(List.of("UNIT", "LEADER"), "u-1")).contains(
                "a token may not mix the UNIT role with an office role");
        assertThat(TokenClaims.refusal(List.of("SUPERVISOR", "UNIT"), "u-1")).isPresent();
    }

    @Test
    void aUnitTokenWithoutItsUnitIsRefused() {
        assertThat(TokenClaims.refusal(List.of("UNIT"), null)).isPresent();
        assertThat(TokenClaims.refusal(List.of("UNIT"), " ")).isPresent();
        assertThat(TokenClaims.refusal(List.of("UNIT"), 42)).isPresent();
    }

    @Test
    void rolesThatAreNotAListAreRefused() {
        assertThat(TokenClaims.refusal("SUPERVISOR", null)).contains("the roles claim must be a list");
    }

    @Test
    void theDevIssuerIsAcceptedOnlyInTheLocalProfile() {
        assertThat(TokenClaims.acceptedIssuer("duban-local", true)).isEqualTo("duban-local");
        assertThatThrownBy(() -> TokenClaims.acceptedIssuer("duban-local", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only in the local profile");
        assertThat(TokenClaims.acceptedIssuer("https://idp.example.gov.cn/realms/office", false))
                .isEqualTo("https://idp.example.gov.cn/realms/office");
    }

    @Test
    void anIssuerMustBeConfigured() {
        assertThatThrownBy(() -> TokenClaims.acceptedIssuer(" ", true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DUBAN_JWT_ISSUER");
    }
}
