package org.duban.gateway.security;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the forwarder takes and what it leaves to Spring Security's firewall (which answers a problem): the targets
 * of MalformedRequestTest and their neighbours, decided without Spring.
 */
class PlainRequestsTest {

    private static final HttpHeaders HEADERS = new DefaultHttpHeaders().add("Authorization", "Bearer x.y.z");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/units", "/api/v1/units/", "/api/v1/units/42/detail?from=2024-01-01",
        "/api/v1/units/%E4%B8%9C%E8%A1%97?q=a%20b", "/board/lines?kind=ASSIGNMENT&x=%2F", "/api/v1/units/a.b..c",
        "/api/v1/units/.well", "/api/v1/units?"})
    void takesAPlainTarget(String target) {
        assertThat(PlainRequests.plain(HttpMethod.GET, target, HEADERS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/units/u-1%00.json", "/api/v1/units/%2e%2e%2fcases", "/api/v1/units/../cases",
        "/api/v1/units/./cases", "/api/v1/units/..", "/api/v1/units/.", "/api/v1/units;jsessionid=1/u-1",
        "/api/v1/units/u-1;x=y", "/api/v1//units", "//api/v1/units", "/api/v1/units%2Fu-1", "/api/v1/units/a%2fb",
        "/api/v1/units\\u-1", "/api/v1/units/%5cu-1", "/api/v1/units/%25", "/api/v1/units/%0d%0aSet-Cookie:x",
        "/api/v1/units/%zz", "/api/v1/units/%", "/api/v1/units/%3b", "/api/v1/units?q=%0a", "/api/v1/units?q=%zz",
        "/api/v1/units/é", "api/v1/units", ""})
    void leavesAnythingTheFirewallWouldLookAtToSpring(String target) {
        assertThat(PlainRequests.plain(HttpMethod.GET, target, HEADERS)).isFalse();
    }

    @Test
    void leavesAnUnusualMethodToSpring() {
        assertThat(PlainRequests.plain(HttpMethod.valueOf("TRACK"), "/api/v1/units", HEADERS)).isFalse();
        assertThat(PlainRequests.plain(HttpMethod.TRACE, "/api/v1/units", HEADERS)).isFalse();
        assertThat(PlainRequests.plain(HttpMethod.PATCH, "/api/v1/units", HEADERS)).isTrue();
    }

    @Test
    void leavesAControlCharacterInAHeaderValueToSpring() {
        HttpHeaders withTab = new DefaultHttpHeaders(false).add("X-Note", "a\tb");
        HttpHeaders withC1 = new DefaultHttpHeaders(false).add("X-Note", "a\u0085b");

        assertThat(PlainRequests.plain(HttpMethod.GET, "/api/v1/units", withTab)).isFalse();
        assertThat(PlainRequests.plain(HttpMethod.GET, "/api/v1/units", withC1)).isFalse();
    }
}
