package org.duban.platform.architecture.petitions.order.mongo;

import org.duban.platform.architecture.DeliberateViolation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@DeliberateViolation("springConfigurationLivesInTheRootPackage")
class OrderStoreConfiguration {

    @Bean
    MongoOrders mongoOrders() {
        return new MongoOrders();
    }
}
