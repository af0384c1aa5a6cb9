package org.duban.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where a service's field keyset is ({@code duban.field-keys.location}, {@code DUBAN_FIELD_KEYS_LOCATION}): a
 * Tink keyset in JSON, a secret file of the service's own. {@code ./duban start} makes one under
 * {@code data/keys/field-keys/}; compose mounts it from a secret made by {@code make-secrets.sh}, Kubernetes
 * from the Secret {@code duban-field-keys}.
 *
 * @param location the keyset file, e.g. {@code file:/run/secrets/field_keys}
 */
@ConfigurationProperties("duban.field-keys")
public record FieldKeysProperties(Resource location) {
}
