package org.duban.gateway.security;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forwarder reads the Authorization header as Spring Security's bearer token converter does, without its pattern. */
class BearerTokensTest {

    /** BearerTokenServerAuthenticationConverter's. */
    private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.DEF-ghi_jkl~mno+pqr/stu", "bearer a", "BEARER a.b.c==", "Bearer a=", "Bearer ",
        "Bearer  a", "Bearer a b", "Bearer a=b", "Bearer ==", "Bearer a\u00e9", "Bearer a;", "Bearera", "Bearer a\t"})
    void readsTheHeaderAsSpringSecurityDoes(String authorization) {
        var spring = SPRING.matcher(authorization);
        if (spring.matches()) {
            assertThat(BearerTokens.tokenOf(authorization)).isEqualTo(spring.group("token"));
        } else {
            assertThatThrownBy(() -> BearerTokens.tokenOf(authorization)).isInstanceOf(BearerTokens.Refused.class)
                    .hasMessage("Bearer token is malformed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc", ""})
    void takesAnotherSchemeForNoToken(String authorization) {
        assertThat(BearerTokens.tokenOf(authorization)).isNull();
    }
}
