package org.duban.platform.architecture.petitions.order.mongo;

import org.duban.platform.architecture.DeliberateViolation;
import org.duban.platform.architecture.petitions.reminder.mongo.MongoReminders;

/** One feature's adapter extending another's (supervision's MongoRemindables, before #16). */
@DeliberateViolation("noFeatureReachesAnotherFeaturesAdapters")
final class MongoOrdersWithReminders extends MongoReminders {
}
