package org.duban.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private final TargetGuard strict = new TargetGuard(false, false);

    @Test
    void refusesLoopbackPrivateLinkLocalAndWildcardTargets() {
        assertThat(strict.refusal(URI.create("http://127.0.0.1:8080/hook"))).get().asString().contains("loopback");
        assertThat(strict.refusal(URI.create("http://localhost/hook"))).get().asString().contains("loopback");
        assertThat(strict.refusal(URI.create("http://[::1]/hook"))).get().asString().contains("loopback");
        assertThat(strict.refusal(URI.create("http://10.1.2.3/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("http://192.168.0.10/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("http://172.16.5.4/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("http://169.254.169.254/latest/meta-data"))).get().asString()
                .contains("link-local");
        assertThat(strict.refusal(URI.create("http://[fd00::1]/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("http://100.64.1.1/hook"))).get().asString().contains("private");
        assertThat(strict.refusal(URI.create("http://0.0.0.0/hook"))).get().asString().contains("wildcard");
    }

    @Test
    void refusesWhatIsNotHttp() {
        assertThat(strict.refusal(URI.create("ftp://203.0.113.7/hook"))).isPresent();
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(strict.refusal(URI.create("http://user:pw@203.0.113.7/hook"))).get().asString().contains("credentials");
    }

    @Test
    void acceptsAPublicAddress() {
        assertThat(strict.refusal(URI.create("https://203.0.113.7/hook"))).isEmpty();
    }

    @Test
    void letsLoopbackThroughOnlyWhenAllowedAndPrivateOnlyWhenAllowed() {
        TargetGuard local = new TargetGuard(true, false);
        assertThat(local.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
        assertThat(local.refusal(URI.create("http://10.1.2.3/hook"))).isPresent();
        assertThat(new TargetGuard(false, true).refusal(URI.create("http://10.1.2.3/hook"))).isEmpty();
    }
}
