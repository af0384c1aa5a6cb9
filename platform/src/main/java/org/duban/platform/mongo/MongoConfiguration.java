package org.duban.platform.mongo;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own database, with majority write concern: an acknowledged write survives the loss
 * of the primary of a replica set.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, @Value("${duban.mongodb.database}") String name) {
        return client.getDatabase(name)
                .withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.MAJORITY);
    }
}
