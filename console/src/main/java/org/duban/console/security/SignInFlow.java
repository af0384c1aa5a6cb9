package org.duban.console.security;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How users sign in and out: a dev-token page in the local profile, the office's identity provider
 * (OpenID Connect) everywhere else. Exactly one exists; {@link SecurityConfiguration} does the rest.
 */
public interface SignInFlow {

    /** Adds the sign-in, the sign-out and the entry point for anonymous users to the filter chain. */
    void configure(HttpSecurity http) throws Exception;

    /** Where a user whose session or token ran out is sent to sign in again. */
    String signInUrl();

    /** Origins outside the console that a form may lead to (the identity provider's logout). */
    default List<String> formTargets() {
        return List.of();
    }
}
