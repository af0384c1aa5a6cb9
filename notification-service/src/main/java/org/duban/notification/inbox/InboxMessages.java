package org.duban.notification.inbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Stores each newly delivered message unless a message with its id is there already, together (one write where
     * the store can).
     *
     * @return the ids of the messages that were there already (their events had been delivered before)
     */
    default Set<String> addAllIfAbsent(List<InboxMessage> messages) {
        Set<String> there = new HashSet<>();
        messages.forEach(message -> {
            if (!addIfAbsent(message)) {
                there.add(message.id());
            }
        });
        return there;
    }

    Optional<InboxMessage> byId(String id);

    /** The stored ones among {@code ids}, by id (one query by id where the store can). */
    default Map<String, InboxMessage> byIds(Collection<String> ids) {
        Map<String, InboxMessage> found = new HashMap<>();
        ids.forEach(id -> byId(id).ifPresent(message -> found.put(id, message)));
        return found;
    }

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
