package org.duban.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.duban.intake.cases.QueryCodeCipher;
import org.duban.intake.cases.RecoverableQueryCodes;
import org.duban.intake.cases.mongo.MongoSealedQueryCodes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Query codes stay recoverable, sealed under the office's key, for as long as a registration's
 * idempotency key is kept. Without a readable key of the right size the service does not start: a
 * retried registration would otherwise lose its receipt's code silently.
 */
@Configuration(proxyBeanMethods = false)
class QueryCodeConfiguration {

    @Bean
    RecoverableQueryCodes recoverableQueryCodes(QueryCodeProperties properties, IntakeProperties intake,
            MongoDatabase database, Clock clock) {
        return new RecoverableQueryCodes(new MongoSealedQueryCodes(database), cipher(properties),
                intake.idempotencyRetention(), clock);
    }

    static QueryCodeCipher cipher(QueryCodeProperties properties) {
        String key;
        try (InputStream in = properties.keyLocation().getInputStream()) {
            key = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The query code key " + properties.keyLocation()
                    + " (DUBAN_QUERY_CODE_KEY_LOCATION) cannot be read. Make one with `openssl rand -base64 32`"
                    + " (./duban start makes data/keys/query-code.key itself).", e);
        }
        try {
            return QueryCodeCipher.fromBase64(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The query code key " + properties.keyLocation()
                    + " (DUBAN_QUERY_CODE_KEY_LOCATION) must hold " + QueryCodeCipher.KEY_BYTES
                    + " random bytes in Base64 (`openssl rand -base64 32`)", e);
        }
    }
}
