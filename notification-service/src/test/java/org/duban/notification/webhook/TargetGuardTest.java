package org.duban.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.duban.notification.webhook.TargetRefused.Reason;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private static final TargetGuard.Settings PRODUCTION = new TargetGuard.Settings(false, false, false);
    private static final TargetGuard.Settings LOCAL = new TargetGuard.Settings(true, true, false);

    private final ScriptedResolver dns = new ScriptedResolver()
            .answering("receiver.example", List.of("8.8.8.8", "2606:4700:4700::1111"))
            .answering("half-internal.example", List.of("8.8.8.8", "10.0.0.5"))
            .answering("metadata.example", List.of("169.254.169.254"))
            .answering("nat64.example", List.of("64:ff9b::a9fe:a9fe"))
            .answering("rebinding.example", List.of("8.8.4.4"), List.of("127.0.0.1"));

    @Test
    void resolvesTheHostOnceAndAnswersEveryAddressItChecked() {
        // given
        TargetGuard guard = new TargetGuard(PRODUCTION, dns);

        // when
        CheckedTarget target = guard.check(URI.create("https://Receiver.Example/hook?x=1"));

        // then
        assertThat(target.host()).isEqualTo("receiver.example");
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("8.8.8.8", "2606:4700:4700:0:0:0:0:1111");
        assertThat(target.url()).isEqualTo(URI.create("https://Receiver.Example/hook?x=1"));
        assertThat(dns.questionsAbout("receiver.example")).isEqualTo(1);
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsRefusedNotOnlyTheFirst() {
        // given
        TargetGuard guard = new TargetGuard(PRODUCTION, dns);

        // then
        assertRefused(guard, "https://half-internal.example/hook", Reason.ADDRESS_NOT_ALLOWED, "private");
        assertRefused(guard, "https://metadata.example/latest", Reason.ADDRESS_NOT_ALLOWED, "link-local");
        assertRefused(guard, "https://nat64.example/hook", Reason.ADDRESS_NOT_ALLOWED, "NAT64");
        assertRefused(guard, "https://[::ffff:127.0.0.1]/hook", Reason.ADDRESS_NOT_ALLOWED, "loopback");
        assertRefused(guard, "https://198.18.0.7/hook", Reason.ADDRESS_NOT_ALLOWED, "benchmarking");
    }

    @Test
    void answersTheAddressesOfItsOwnLookupSoALaterDifferentAnswerIsNeverTheOneChecked() {
        // given: the name answers a public address first and loopback to any later question
        TargetGuard guard = new TargetGuard(PRODUCTION, dns);

        // when
        CheckedTarget target = guard.check(URI.create("https://rebinding.example/hook"));

        // then: the checked target holds what was checked, and only one question was asked
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress).containsExactly("8.8.4.4");
        assertThat(dns.questionsAbout("rebinding.example")).isEqualTo(1);
        // the next check (the next attempt) asks again and refuses what it hears now
        assertRefused(guard, "https://rebinding.example/hook", Reason.ADDRESS_NOT_ALLOWED, "loopback");
    }

    @Test
    void allowsOnlyHttpsOutsideTheLocalProfile() {
        // given
        TargetGuard production = new TargetGuard(PRODUCTION, dns);
        TargetGuard local = new TargetGuard(LOCAL, dns);

        // then
        assertRefused(production, "http://receiver.example/hook", Reason.URL_NOT_ALLOWED, "https");
        assertRefused(production, "HTTP://8.8.8.8/hook", Reason.URL_NOT_ALLOWED, "https");
        assertThat(production.check(URI.create("HTTPS://8.8.8.8/hook")).addresses()).hasSize(1);
        assertThat(local.check(URI.create("http://receiver.example/hook")).host()).isEqualTo("receiver.example");
        assertThat(local.check(URI.create("http://127.0.0.1:9000/hook")).addresses()).hasSize(1);
        assertThat(dns.questionsAbout("receiver.example")).as("a refused scheme is not looked up").isEqualTo(1);
    }

    @Test
    void refusesOtherSchemesCredentialsAndAUrlWithoutAHost() {
        // given
        TargetGuard guard = new TargetGuard(LOCAL, dns);

        // then
        assertRefused(guard, "ftp://receiver.example/hook", Reason.URL_NOT_ALLOWED, "http or https");
        assertRefused(guard, "file:///etc/passwd", Reason.URL_NOT_ALLOWED, "http or https");
        assertRefused(guard, "gopher://receiver.example:70/", Reason.URL_NOT_ALLOWED, "http or https");
        assertRefused(guard, "https://user:pw@receiver.example/hook", Reason.URL_NOT_ALLOWED, "credentials");
        assertRefused(guard, "https://user@receiver.example/hook", Reason.URL_NOT_ALLOWED, "credentials");
        assertRefused(guard, "https:///hook", Reason.URL_NOT_ALLOWED, "host");
        assertRefused(guard, "https://under_score:80/hook", Reason.URL_NOT_ALLOWED, "host");
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        // given
        TargetGuard guard = new TargetGuard(PRODUCTION, dns);

        // then
        assertRefused(guard, "https://unknown.example/hook", Reason.HOST_NOT_FOUND, "does not resolve");
    }

    @Test
    void letsLoopbackThroughOnlyWhenAllowedAndPrivateOnlyWhenAllowed() {
        // given
        TargetGuard local = new TargetGuard(LOCAL, dns);
        TargetGuard intranet = new TargetGuard(new TargetGuard.Settings(false, false, true), dns);

        // then
        assertThat(local.check(URI.create("http://[::1]:9000/hook")).host()).isEqualTo("::1");
        assertRefused(local, "http://10.1.2.3/hook", Reason.ADDRESS_NOT_ALLOWED, "private");
        assertThat(intranet.check(URI.create("https://10.1.2.3/hook")).addresses()).hasSize(1);
        assertRefused(intranet, "https://127.0.0.1/hook", Reason.ADDRESS_NOT_ALLOWED, "loopback");
    }

    private static void assertRefused(TargetGuard guard, String url, Reason reason, String message) {
        assertThatThrownBy(() -> guard.check(URI.create(url))).as(url)
                .isInstanceOfSatisfying(TargetRefused.class, refused -> {
                    assertThat(refused.reason()).as(url).isEqualTo(reason);
                    assertThat(refused.getMessage()).as(url).contains(message);
                });
    }
}
