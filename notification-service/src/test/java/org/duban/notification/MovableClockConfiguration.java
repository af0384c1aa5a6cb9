package org.duban.notification;

import java.time.Instant;

import org.duban.platform.testing.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the platform's system clock (it yields to any other Clock bean) with a movable one. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    public static final Instant START = Instant.parse("2026-03-02T01:30:00Z");

    @Bean
    MovableClock clock() {
        return new MovableClock(START);
    }
}
