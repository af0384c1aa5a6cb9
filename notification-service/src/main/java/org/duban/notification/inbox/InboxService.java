package org.duban.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;

/** The inbox's use cases: deliver a message, list a unit's messages, acknowledge one. */
public final class InboxService {

    /** How often an acknowledgement is tried when the message changes under it. */
    static final int ACKNOWLEDGE_ATTEMPTS = 3;

    private final InboxMessages messages;
    private final Clock clock;

    public InboxService(InboxMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Puts the message into the unit's inbox, delivered now. Delivering the same event to the same unit
     * again changes nothing.
     *
     * @return whether a new message was delivered
     */
    public boolean deliver(Delivery delivery) {
        return messages.addIfAbsent(InboxMessage.deliver(delivery, now()));
    }

    /** The calling unit's messages, unread first, newest first; only the unread ones if asked. */
    public InboxListing list(Caller caller, boolean unreadOnly, PageRequest page) {
        caller.require(Role.UNIT);
        return new InboxListing(messages.ofUnit(caller.unitId(), unreadOnly, page), messages.countUnread(caller.unitId()));
    }

    /**
     * The calling unit acknowledges one of its messages. The first acknowledgement records the proof
     * of receipt; later ones (also concurrent ones that lost the race) answer the message as it is.
     *
     * @throws NotFound if there is no such message or it is another unit's
     */
    public InboxMessage acknowledge(Caller caller, String messageId) {
        caller.require(Role.UNIT);
        for (int attempt = 1; attempt <= ACKNOWLEDGE_ATTEMPTS; attempt++) {
            InboxMessage message = messages.byId(messageId)
                    .filter(found -> caller.isUnit(found.unitId()))
                    .orElseThrow(() -> new NotFound("inbox message", messageId));
            if (message.isAcknowledged()) {
                return message;
            }
            Acknowledgement acknowledgement = message.acknowledge(caller.asActor(), now());
            if (messages.storeAcknowledgement(acknowledgement)) {
                return acknowledgement.message();
            }
        }
        throw new Conflict("inbox message " + messageId + " keeps changing; try again");
    }

    /** Now, to the millisecond: what the store keeps, so an answer never differs from a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
