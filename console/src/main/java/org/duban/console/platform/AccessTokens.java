package org.duban.console.platform;

import java.util.Optional;

/**
 * The signed-in user's token for the platform's API. The browser never sees it: it stays in the
 * console's session (a dev token in the local profile, the identity provider's access token otherwise).
 */
public interface AccessTokens {

    /** The current request's user's token; empty when nobody is signed in. */
    Optional<String> current();
}
