package org.duban.gateway.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The token check of the routed requests ({@code routing.Forwarder}), the same as Spring Security makes on the
 * gateway's own endpoints ({@link SecurityConfiguration}): the same decoder ({@link TokenValidation}, verified
 * tokens remembered by {@link CachingJwtDecoder}), the same paths open, the same reading of the
 * {@code Authorization} header (a bearer token that is sent must be valid on every path; a header of another
 * scheme is no token), the same details in the {@code 401} problem.
 */
@Component
public class BearerTokens {


    private final ReactiveJwtDecoder decoder;

    BearerTokens(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** Whether a request for this path needs a token: the API ({@code /api/**}) but its open paths. */
    public static boolean required(String path) {
        boolean api = path.equals("/api") || path.startsWith("/api/");
        return api && !SecurityConfiguration.open(path);
    }

    /**
     * The bearer token of an {@code Authorization} header, or null when it names no bearer token.
     *
     * @throws Refused when it says {@code Bearer} but what follows is no token
     */
    public static String tokenOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new Refused("Bearer token is malformed");
        }
        return authorization.substring(7);
    }

    /**
     * Spring Security's BearerTokenServerAuthenticationConverter's {@code ^Bearer [a-zA-Z0-9-._~+/]+=*$} (case
     * insensitive), by hand: the regular expression cost microseconds on a token of a thousand characters.
     */
    static boolean wellFormed(String authorization) {
        int length = authorization.length();
        if (length < 8 || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return false;
        }
        int i = 7;
        while (i < length && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == 7) {
            return false;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /**
     * Whether the token is one verified before that passes every other check again ({@link CachingJwtDecoder}):
     * then it is valid, and no {@link #verify} is needed. False says nothing: {@link #verify} decides.
     */
    public boolean remembered(String token) {
        return decoder instanceof CachingJwtDecoder caching && caching.remembered(token) != null;
    }

    /** The token's claims; a {@link Refused} error when it is not valid (its signature, expiry, issuer, audience, claims). */
    public Mono<Jwt> verify(String token) {
        return decoder.decode(token).onErrorMap(BadJwtException.class, bad -> new Refused(bad.getMessage()));
    }

    /** A token that is no valid token: answered {@code 401} with this detail. */
    public static final class Refused extends RuntimeException {

        Refused(String reason) {
            super(reason, null, false, false);
        }

        /** The problem's detail, as the gateway's Spring Security entry point words it. */
        public String detail() {
            return "The bearer token is not valid: " + getMessage();
        }
    }
}
