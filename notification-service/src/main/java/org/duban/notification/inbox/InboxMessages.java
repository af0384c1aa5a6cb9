package org.duban.notification.inbox;

import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** The stored inbox messages of every unit. */
public interface InboxMessages {

    /**
     * Stores a newly delivered message unless a message with its id is there already.
     *
     * @return whether it was stored (false: the event had been delivered before)
     */
    boolean addIfAbsent(InboxMessage message);

    Optional<InboxMessage> byId(String id);

    /**
     * Stores the message as changed (acknowledged) with the events it recorded, in one write, provided it is
     * still at the version it was read at ({@link InboxMessage#version()}).
     *
     * @return false when the message changed since it was read (nothing was stored)
     */
    boolean update(InboxMessage message);

    /** One page of a unit's messages in {@link InboxMessage#UNREAD_FIRST_NEWEST_FIRST} order. */
    Page<InboxMessage> ofUnit(String unitId, boolean unreadOnly, PageRequest page);

    long countUnread(String unitId);
}
