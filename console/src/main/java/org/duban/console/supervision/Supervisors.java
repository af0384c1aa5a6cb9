package org.duban.console.supervision;

import org.duban.console.security.ConsoleUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * The forms of this section create or decide things, which only supervisors do: a leader who opens one
 * is shown the forbidden page at once instead of a form the platform would refuse.
 */
public final class Supervisors {

    private Supervisors() {
    }

    public static void require(ConsoleUser user) {
        if (!user.isSupervisor()) {
            throw new AccessDeniedException("only supervisors open or decide supervision, recommendations and measures");
        }
    }
}
