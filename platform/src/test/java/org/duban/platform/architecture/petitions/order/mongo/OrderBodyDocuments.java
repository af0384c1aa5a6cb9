package org.duban.platform.architecture.petitions.order.mongo;

import org.bson.Document;
import org.duban.platform.architecture.DeliberateViolation;
import org.duban.platform.architecture.petitions.api.model.OrderBody;

@DeliberateViolation("onlyWebAdaptersSpeakTheGeneratedApi")
final class OrderBodyDocuments {

    Document toDocument(OrderBody body) {
        return new Document("_id", body.id());
    }
}
