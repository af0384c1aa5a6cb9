package org.duban.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the key sealing query codes is ({@code duban.intake.query-code.key-location},
 * {@code DUBAN_QUERY_CODE_KEY_LOCATION}): a file holding 32 random bytes in Base64. A secret: compose and
 * Kubernetes mount it from a secret; {@code ./duban start} makes one under {@code data/keys} for local use.
 *
 * @param keyLocation the key file, e.g. {@code file:/run/secrets/query_code_key}
 */
@ConfigurationProperties("duban.intake.query-code")
public record QueryCodeProperties(Resource keyLocation) {
}
