package org.duban.console.inbox;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.notification.api.InboxApi;
import org.duban.client.notification.model.InboxMessage;
import org.duban.client.notification.model.InboxPage;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.PageView;
import org.springframework.stereotype.Component;

/**
 * 督查督办科收件箱: the messages for supervisors (what units answered or asked for), unread first as the
 * platform orders them, each with the unit it concerns by name; and their acknowledgement (签收).
 */
@Component
class OfficeInbox {

    static final int MESSAGES_PER_PAGE = 20;

    private final InboxApi inbox;
    private final UnitDirectory units;

    OfficeInbox(InboxApi inbox, UnitDirectory units) {
        this.inbox = inbox;
        this.units = units;
    }

    InboxView page(ConsoleUser user, boolean unreadOnly, int page, HttpServletRequest request) {
        InboxPage found = inbox.listInbox(unreadOnly ? Boolean.TRUE : null, page, MESSAGES_PER_PAGE);
        Map<String, String> names = units.names(user);
        UnitMentions mentions = new UnitMentions(names);
        return new InboxView(unreadOnly, found.getUnread(),
                found.getItems().stream().map(message -> line(message, names, mentions)).toList(),
                PageView.of(request, "/inbox", found.getPage()));
    }

    /** Acknowledges the message (the first acknowledgement is the proof of receipt) and answers it as it is now. */
    InboxLine acknowledge(ConsoleUser user, String messageId) {
        InboxMessage acknowledged = inbox.acknowledgeMessage(messageId);
        Map<String, String> names = units.names(user);
        return line(acknowledged, names, new UnitMentions(names));
    }

    /** How many messages are not acknowledged yet. */
    long unread() {
        return inbox.listInbox(Boolean.TRUE, 0, 1).getUnread();
    }

    private static InboxLine line(InboxMessage message, Map<String, String> names, UnitMentions mentions) {
        String unitId = names.containsKey(message.getUnitId()) ? message.getUnitId()
                : mentions.first(message.getTitle() + "\n" + message.getBody()).orElse(null);
        return new InboxLine(message.getId(), message.getEventType(), mentions.named(message.getTitle()),
                mentions.named(message.getBody()), message.getCreatedAt(), Boolean.TRUE.equals(message.getRead()),
                message.getAcknowledgedAt(), message.getAcknowledgedBy(), unitId,
                unitId == null ? null : names.get(unitId), message.getAssignmentId(), message.getCaseId());
    }
}
