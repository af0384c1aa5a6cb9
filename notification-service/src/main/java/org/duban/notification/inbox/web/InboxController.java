package org.duban.notification.inbox.web;

import static org.duban.notification.web.ApiViews.pageInfo;
import static org.duban.notification.web.ApiViews.utc;

import org.duban.notification.api.InboxApi;
import org.duban.notification.api.model.InboxPage;
import org.duban.notification.inbox.InboxListing;
import org.duban.notification.inbox.InboxMessage;
import org.duban.notification.inbox.InboxService;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The inbox over HTTP: the generated {@link InboxApi} mapped onto {@link InboxService}. */
@RestController
class InboxController implements InboxApi {

    private final InboxService inbox;
    private final CurrentCaller caller;

    InboxController(InboxService inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<InboxPage> listInbox(Boolean unread, Integer page, Integer size) {
        InboxListing listing = inbox.list(caller.get(), Boolean.TRUE.equals(unread), PageRequest.of(page, size));
        Page<InboxMessage> messages = listing.page();
        return ResponseEntity.ok(new InboxPage(
                messages.items().stream().map(InboxController::view).toList(),
                listing.unread(),
                pageInfo(messages)));
    }

    @Override
    public ResponseEntity<org.duban.notification.api.model.InboxMessage> acknowledgeMessage(String messageId) {
        return ResponseEntity.ok(view(inbox.acknowledge(caller.get(), messageId)));
    }

    private static org.duban.notification.api.model.InboxMessage view(InboxMessage message) {
        return new org.duban.notification.api.model.InboxMessage(message.id(), message.unitId(),
                message.sourceEventType(), message.title(), message.body(), utc(message.createdAt()),
                message.isAcknowledged())
                .caseId(message.caseId())
                .assignmentId(message.assignmentId())
                .acknowledgedAt(utc(message.acknowledgedAt()))
                .acknowledgedBy(message.acknowledgedBy());
    }
}
