package org.duban.platform.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.duban.platform.tracing.StoreCommandSpans;
import org.duban.platform.tracing.TracingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own database, with majority write concern: an acknowledged write survives the loss
 * of the primary of a replica set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
public class MongoConfiguration {

    /**
     * Acknowledged once the primary applied the write, without waiting for the journal or the replicas (ADR 0018),
     * for a write whose loss only repeats idempotent work: the relay's release of the events it published, which a
     * crash before it is durable has published again once the lease ran out, and the consumers skip (ADR 0003).
     *
     * <p>Not for a write that another write of the same handling relies on, even one a majority write always follows:
     * a store that crashes and comes back between the two loses the first and keeps the second — the driver retries
     * the second on the restarted store without a word — so an inbox message was lost while the delivery announcing
     * it was sent (StoreAndBrokerKillsIT; ADR 0018, revised). Never for a write that carries events either: the
     * relay may publish them as soon as it is answered.
     */
    public static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, @Value("${duban.mongodb.database}") String name) {
        return serviceDatabase(client, name);
    }

    /** A service's database as it writes and reads it: majority write and read concern. */
    public static MongoDatabase serviceDatabase(MongoClient client, String name) {
        return client.getDatabase(name)
                .withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.MAJORITY);
    }

    /**
     * A span per store command within a sampled trace, when {@code duban.tracing.store-commands} is on. The bean is
     * there either way and reads the setting when the client is made, so the setting also works with the launcher's
     * ahead-of-time code, which fixes at build time which beans exist.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeCommandSpans(TracingProperties tracing, ObjectProvider<Tracer> tracer) {
        return builder -> {
            if (tracing.storeCommands()) {
                tracer.ifAvailable(available -> builder.addCommandListener(new StoreCommandSpans(available)));
            }
        };
    }

    /**
     * Replaces Boot's Mongo health check, which sends {@code hello} — a command the local Mongo-wire
     * store does not know. {@code ping} on the service's own database works on both, and is what
     * readiness needs to know: can this service reach its store.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                database.runCommand(new Document("ping", 1));
                builder.up().withDetail("database", database.getName());
            }
        };
    }
}
