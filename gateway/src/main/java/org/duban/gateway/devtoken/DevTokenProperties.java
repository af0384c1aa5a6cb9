package org.duban.gateway.devtoken;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the dev-token issuer finds its PKCS#8 PEM private key (read in the {@code local} profile only).
 *
 * @param privateKeyLocation the dev-token issuer's PKCS#8 PEM private key ({@code local} profile only)
 */
@ConfigurationProperties("duban.jwt")
public record DevTokenProperties(Resource privateKeyLocation) {
}
