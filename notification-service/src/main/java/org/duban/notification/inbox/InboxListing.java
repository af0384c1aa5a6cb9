package org.duban.notification.inbox;

import java.util.Objects;

import org.duban.platform.domain.Page;

/**
 * One page of a unit's inbox and how many of all its messages are still unread.
 */
public record InboxListing(Page<InboxMessage> page, long unread) {

    public InboxListing {
        Objects.requireNonNull(page, "page");
    }
}
