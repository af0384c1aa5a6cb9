package org.duban.console.security.local;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.duban.console.platform.AccessTokens;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user's dev token, while it is valid. The sign-in page itself lists the units with a
 * token of its own for the duration of one call ({@link #actingWith}).
 */
final class LocalAccessTokens implements AccessTokens {

    private final ThreadLocal<String> acting = new ThreadLocal<>();
    private final Clock clock;

    LocalAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> current() {
        String override = acting.get();
        if (override != null) {
            return Optional.of(override);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof DevTokenAuthentication signedIn && clock.instant().isBefore(signedIn.expiresAt())) {
            return Optional.of(signedIn.token());
        }
        return Optional.empty();
    }

    <T> T actingWith(String token, Supplier<T> call) {
        acting.set(token);
        try {
            return call.get();
        } finally {
            acting.remove();
        }
    }
}
