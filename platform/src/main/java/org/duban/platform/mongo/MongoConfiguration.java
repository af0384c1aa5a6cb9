package org.duban.platform.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own database, with majority write concern: an acknowledged write survives the loss
 * of the primary of a replica set.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    /**
     * Acknowledged once the primary applied the write, without waiting for the journal or the replicas (ADR 0018),
     * for two kinds of writes only:
     * <ul>
     *   <li>one that a majority write of the same handling always follows before anything is acknowledged (an answer,
     *       a consumer's offset, a webhook): that write makes it durable too, since MongoDB's journal and oplog are one
     *       log in order (the local store: each commit covers everything written before it); lost in a crash before
     *       it, it is as if the handling had not begun, which a retry or a redelivered event repeats;</li>
     *   <li>one whose loss only repeats idempotent work: the relay's release of the events it published, which a crash
     *       before it is durable has published again once the lease ran out, and the consumers skip (ADR 0003).</li>
     * </ul>
     * Never for a write that carries events: the relay may publish them as soon as it is answered. Read such a write
     * back with {@link com.mongodb.ReadConcern#LOCAL}: a majority read may not see it yet.
     */
    public static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, @Value("${duban.mongodb.database}") String name) {
        return client.getDatabase(name)
                .withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.MAJORITY);
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
