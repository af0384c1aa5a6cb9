package org.duban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform every system test class drives, started once per test run with {@code ./duban start
 * --detach} (a start costs a minute or two on two cores) and stopped with {@code ./duban stop} when the
 * last test class is done, checking that no process was left behind. Test classes that use it
 * ({@code @ExtendWith(SharedPlatform.class)}) leave every part running when they finish.
 */
final class SharedPlatform implements BeforeAllCallback {

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        // a condition that already holds is seen at once: Awaitility otherwise sleeps one poll interval before its
        // first look (100 ms by default, more where a test polls slower), on every await of every test
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedPlatform.class, key -> new Running(), Running.class);
    }

    /** The running platform (after the extension's {@code beforeAll}). */
    static LocalPlatform platform() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedPlatform.class)");
        }
        return running.platform;
    }

    /** The mail server notification-service sends the units' e-mails to. */
    static MailSink mail() {
        return running.mail;
    }

    /** How long the start took. */
    static Duration startedIn() {
        return running.startedIn;
    }

    /** Closed by JUnit when the whole run ends: stops the platform and checks nothing is left. */
    private static final class Running implements AutoCloseable {

        private final LocalPlatform platform;
        private final MailSink mail;
        private final Duration startedIn;

        Running() {
            try {
                platform = new LocalPlatform(Path.of(System.getProperty("duban.root")),
                        Path.of(System.getProperty("duban.work"), UUID.randomUUID().toString()));
                mail = new MailSink();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // units with an e-mail contact get their messages by e-mail too, as in an office
            platform.setEnvironment("DUBAN_EMAIL_ENABLED", "true");
            platform.setEnvironment("SPRING_MAIL_HOST", "127.0.0.1");
            platform.setEnvironment("SPRING_MAIL_PORT", Integer.toString(mail.port()));
            // every test calls from this machine's one address: the public calls' rate limit (intake's own
            // tests prove it) would otherwise count the calls of all test classes together
            platform.setEnvironment("DUBAN_PUBLIC_RATE_LIMIT", "1000");
            // a delivery whose first attempts meet a killed store or broker (StoreAndBrokerKillsIT) is tried again
            // within seconds, not after the production schedule's 5 minutes
            platform.setEnvironment("DUBAN_DELIVERY_RETRY_SCHEDULE", "0s,2s,5s,10s,30s,1m");
            startedIn = platform.start();
            running = this;
        }

        @Override
        public void close() {
            List<Long> pids = new ArrayList<>();
            LocalPlatform.PARTS.forEach(part -> platform.pid(part).ifPresent(pids::add));
            platform.stop();
            mail.close();
            assertThat(pids).as("processes left behind by ./duban stop").noneMatch(LocalPlatform::alive);
        }
    }
}
