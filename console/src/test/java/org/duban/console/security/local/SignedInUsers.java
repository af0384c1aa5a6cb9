package org.duban.console.security.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.duban.console.security.ConsoleRole;
import org.duban.console.security.ConsoleUser;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Signed-in sessions of the local profile for MockMvc tests: a user and a dev token valid for an hour. */
public final class SignedInUsers {

    public static final String SUPERVISOR_TOKEN = "supervisor-token";
    public static final String LEADER_TOKEN = "leader-token";

    private SignedInUsers() {
    }

    public static RequestPostProcessor supervisor() {
        return as(new ConsoleUser("zhang.wei", "zhang.wei", Set.of(ConsoleRole.SUPERVISOR), null), SUPERVISOR_TOKEN);
    }

    public static RequestPostProcessor leader() {
        return as(new ConsoleUser("li.ling", "li.ling", Set.of(ConsoleRole.LEADER), null), LEADER_TOKEN);
    }

    public static RequestPostProcessor unit(String unitId) {
        return as(new ConsoleUser("wang.fang", "wang.fang", Set.of(ConsoleRole.UNIT), unitId), "unit-token-" + unitId);
    }

    private static RequestPostProcessor as(ConsoleUser user, String token) {
        return authentication(new DevTokenAuthentication(user, token, Instant.now().plus(1, ChronoUnit.HOURS)));
    }
}
