package org.duban.gateway.devtoken;

import java.time.Instant;

/** A signed, serialised JWT and the instant it expires. */
record IssuedToken(String token, Instant expiresAt) {
}
