package org.duban.platform.architecture.petitions.order.mongo;

import org.duban.platform.architecture.DeliberateViolation;
import org.springframework.stereotype.Repository;

/** A Mongo adapter found by scanning instead of built in the root configuration. */
@Repository
@DeliberateViolation("onlyWebAndKafkaEntryPointsAreSpringComponents")
class ScannedOrders {
}
