package org.duban.notification.delivery.web;

import static org.duban.notification.web.ApiViews.pageInfo;
import static org.duban.notification.web.ApiViews.utc;

import org.duban.notification.api.DeliveriesApi;
import org.duban.notification.api.model.DeliveryAttempt;
import org.duban.notification.api.model.DeliveryPage;
import org.duban.notification.delivery.Attempt;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.DeliveryContent;
import org.duban.notification.delivery.DeliveryProgress;
import org.duban.notification.delivery.DeliveryTarget;
import org.duban.notification.delivery.DeliveryService;
import org.duban.notification.delivery.DeliveryStatus;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries over HTTP: the generated {@link DeliveriesApi} mapped onto {@link DeliveryService}. */
@RestController
class DeliveryController implements DeliveriesApi {

    private final DeliveryService deliveries;
    private final CurrentCaller caller;

    DeliveryController(DeliveryService deliveries, CurrentCaller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<DeliveryPage> listDeliveries(org.duban.notification.api.model.DeliveryStatus status,
            Integer page, Integer size) {
        Page<Delivery> found = deliveries.list(caller.get(),
                status == null ? null : DeliveryStatus.valueOf(status.name()), PageRequest.of(page, size));
        return ResponseEntity.ok(new DeliveryPage(found.items().stream().map(DeliveryController::view).toList(),
                pageInfo(found)));
    }

    @Override
    public ResponseEntity<org.duban.notification.api.model.Delivery> redeliver(String deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(deliveries.redeliver(caller.get(), deliveryId)));
    }

    private static org.duban.notification.api.model.Delivery view(Delivery delivery) {
        DeliveryTarget target = delivery.target();
        DeliveryContent content = delivery.content();
        DeliveryProgress progress = delivery.progress();
        return new org.duban.notification.api.model.Delivery(delivery.id(),
                org.duban.notification.api.model.Delivery.ChannelEnum.valueOf(target.channel().name()),
                target.unitId(), content.messageId(), content.sourceEventType(),
                org.duban.notification.api.model.DeliveryStatus.valueOf(delivery.status().name()),
                progress.attempts().stream().map(DeliveryController::view).toList(), utc(delivery.createdAt()))
                .webhookId(target.endpointId())
                .caseId(content.caseId())
                .nextAttemptAt(utc(progress.nextAttemptAt()))
                .completedAt(utc(progress.completedAt()))
                .expiresAt(utc(progress.expiresAt()));
    }

    private static DeliveryAttempt view(Attempt attempt) {
        return new DeliveryAttempt(attempt.number(), utc(attempt.at()), attempt.latencyMillis())
                .status(attempt.status())
                .error(attempt.error());
    }
}
