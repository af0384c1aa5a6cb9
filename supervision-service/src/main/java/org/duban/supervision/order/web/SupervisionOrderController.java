package org.duban.supervision.order.web;

import static org.duban.supervision.web.ApiViews.instant;
import static org.duban.supervision.web.ApiViews.pageInfo;
import static org.duban.supervision.web.ApiViews.utc;

import java.net.URI;
import java.time.Clock;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.duban.supervision.api.SupervisionsApi;
import org.duban.supervision.api.model.CloseSupervisionOrderRequest;
import org.duban.supervision.api.model.ConfirmSupervisionOrderRequest;
import org.duban.supervision.api.model.DismissSupervisionOrderRequest;
import org.duban.supervision.api.model.OpenSupervisionOrderRequest;
import org.duban.supervision.api.model.ReopenSupervisionOrderRequest;
import org.duban.supervision.api.model.SupervisionForm;
import org.duban.supervision.api.model.SupervisionOrderPage;
import org.duban.supervision.api.model.SupervisionOrderStatus;
import org.duban.supervision.api.model.SupervisionResponseRequest;
import org.duban.supervision.api.model.SupervisionTrigger;
import org.duban.supervision.order.OpenOrder;
import org.duban.supervision.order.OrderForm;
import org.duban.supervision.order.OrderStatus;
import org.duban.supervision.order.OrderTrigger;
import org.duban.supervision.order.SupervisionOrder;
import org.duban.supervision.order.SupervisionOrderService;
import org.duban.supervision.order.SupervisionOrderSnapshot;
import org.duban.supervision.order.SupervisionOrderSnapshot.Origin;
import org.duban.supervision.order.SupervisionOrderSnapshot.Terms;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/supervisions}: supervision orders (督办), as {@code supervision.yaml} describes them. */
@RestController
class SupervisionOrderController implements SupervisionsApi {

    private final SupervisionOrderService orders;
    private final CurrentCaller caller;
    private final Clock clock;

    SupervisionOrderController(SupervisionOrderService orders, CurrentCaller caller, Clock clock) {
        this.orders = orders;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> openSupervisionOrder(
            OpenSupervisionOrderRequest request, String idempotencyKey) {
        SupervisionOrder order = orders.open(caller.get(), new OpenOrder(request.getAssignmentId(),
                OrderTrigger.valueOf(request.getTrigger().getValue()), OrderForm.valueOf(request.getForm().getValue()),
                instant(request.getResponseDueAt()), request.getNote()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/supervisions/" + order.id())).body(view(order));
    }

    @Override
    public ResponseEntity<SupervisionOrderPage> listSupervisionOrders(String unitId, SupervisionOrderStatus status,
            String assignmentId, Integer page, Integer size) {
        Page<SupervisionOrder> found = orders.list(caller.get(), unitId,
                status == null ? null : OrderStatus.valueOf(status.getValue()), assignmentId, PageRequest.of(page, size));
        return ResponseEntity.ok(new SupervisionOrderPage(found.items().stream().map(this::view).toList(),
                pageInfo(found)));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> getSupervisionOrder(String id) {
        return ResponseEntity.ok(view(orders.get(caller.get(), id)));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> respondToSupervisionOrder(String id,
            SupervisionResponseRequest request) {
        return ResponseEntity.ok(view(orders.respond(caller.get(), id, request.getText())));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> closeSupervisionOrder(String id,
            CloseSupervisionOrderRequest request) {
        return ResponseEntity.ok(view(orders.close(caller.get(), id, request.getNote())));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> reopenSupervisionOrder(String id,
            ReopenSupervisionOrderRequest request) {
        return ResponseEntity.ok(view(orders.reopen(caller.get(), id, request.getReason(),
                instant(request.getResponseDueAt()))));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> confirmSupervisionOrder(String id,
            ConfirmSupervisionOrderRequest request) {
        return ResponseEntity.ok(view(orders.confirm(caller.get(), id,
                request.getForm() == null ? null : OrderForm.valueOf(request.getForm().getValue()),
                instant(request.getResponseDueAt()), request.getNote())));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.SupervisionOrder> dismissSupervisionOrder(String id,
            DismissSupervisionOrderRequest request) {
        return ResponseEntity.ok(view(orders.dismiss(caller.get(), id, request.getNote())));
    }

    private org.duban.supervision.api.model.SupervisionOrder view(SupervisionOrder order) {
        SupervisionOrderSnapshot o = order.snapshot();
        Origin origin = o.origin();
        org.duban.supervision.api.model.SupervisionOrder view = new org.duban.supervision.api.model.SupervisionOrder(
                o.id(), o.assignment().assignmentId(), o.assignment().caseId(), o.assignment().unitId(),
                SupervisionTrigger.fromValue(origin.trigger().name()),
                SupervisionOrderStatus.fromValue(o.status().name()), origin.automatic(),
                order.overdue(clock.instant()), o.reopenCount(), utc(origin.createdAt()));
        Terms terms = o.terms();
        if (terms != null) {
            view.form(terms.form() == null ? null : SupervisionForm.fromValue(terms.form().name()))
                    .note(terms.note()).responseDueAt(utc(terms.responseDueAt())).openedAt(utc(terms.openedAt()));
        }
        if (o.closing() != null) {
            view.closedAt(utc(o.closing().at())).closeNote(o.closing().note());
        }
        if (o.response() != null) {
            view.response(o.response().text()).respondedAt(utc(o.response().at()))
                    .respondedLate(o.response().late());
        }
        return view;
    }
}
