package org.duban.notification.routing;

import org.duban.notification.inbox.InboxMessage;

/**
 * A way beyond the inbox to tell a unit of a message: its webhooks, its contacts' e-mail. Scheduling
 * the same message twice must schedule it once.
 */
public interface OutboundChannel {

    void schedule(InboxMessage message);
}
