package org.duban.console.security;

/** The platform's roles as the console knows them (the tokens' {@code roles} claim). */
public enum ConsoleRole {
    /** 督查督办科: registers, assigns, reviews and supervises. */
    SUPERVISOR,
    /** 领导: reads the board, matters (without the petitioner), figures and reports. */
    LEADER,
    /** 责任单位: works on its own assignments, orders, measures and recommendations. */
    UNIT;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
