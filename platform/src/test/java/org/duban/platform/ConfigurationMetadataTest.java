package org.duban.platform;

import static org.duban.platform.testing.ConfigurationMetadata.assertDescribesEveryDubanProperty;

import org.duban.platform.outbox.OutboxProperties;
import org.junit.jupiter.api.Test;

/**
 * The configuration processor describes every {@code duban.*} property of this module in
 * META-INF/spring-configuration-metadata.json (IDE completion and documentation; root pom), from the javadoc of
 * the properties records.
 */
class ConfigurationMetadataTest {

    @Test
    void describesEveryDubanPropertyOfThisModule() {
        assertDescribesEveryDubanProperty(OutboxProperties.class, "duban.field-keys", "duban.kafka", "duban.outbox", "duban.security.token",
                "duban.tracing");
    }
}
