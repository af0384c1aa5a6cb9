package org.duban.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway takes ({@code duban.gateway.max-request-body}, default 1 MiB): the
 * API's bodies are JSON documents of a few kilobytes, and no operation takes a file.
 *
 * @param maxRequestBody the largest request body the gateway takes (default 1 MiB); a larger one is refused
 *        with 413
 */
@ConfigurationProperties("duban.gateway")
public record BodyLimitProperties(DataSize maxRequestBody) {

    public BodyLimitProperties {
        if (maxRequestBody == null || maxRequestBody.toBytes() < 1 || maxRequestBody.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duban.gateway.max-request-body must be between 1 byte and 2 GB, was "
                    + maxRequestBody);
        }
    }

    int maxBytes() {
        return (int) maxRequestBody.toBytes();
    }
}
