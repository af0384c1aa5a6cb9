package org.duban.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * again changes nothing and answers the message delivered the first time.
     */
    public Told deliver(NewMessage newMessage) {
        InboxMessage message = InboxMessage.deliver(newMessage, now());
        if (messages.addIfAbsent(message)) {
            return new Told(message, true);
        }
        return new Told(messages.byId(message.id()).orElse(message), false);
    }

    /**
     * Delivers the messages as {@link #deliver} one at a time, but stores them together (one write) and reads those
     * delivered before together (one query).
     *
     * @return what each message is in its inbox, in the order given
     */
    public List<Told> deliverAll(List<NewMessage> newMessages) {
        Instant now = now();
        List<InboxMessage> delivered = newMessages.stream().map(message -> InboxMessage.deliver(message, now)).toList();
        Set<String> before = messages.addAllIfAbsent(delivered);
        Map<String, InboxMessage> stored = messages.byIds(before);
        return delivered.stream().map(message -> before.contains(message.id())
                ? new Told(stored.getOrDefault(message.id(), message), false)
                : new Told(message, true)).toList();
    }

    /**
     * The caller's inbox, unread first, newest first; only the unread ones if asked. A unit reads its
     * own; a supervisor reads the office inbox (what units answered or asked for).
     */
    public InboxListing list(Caller caller, boolean unreadOnly, PageRequest page) {
        String owner = ownerOf(caller);
        return new InboxListing(messages.ofUnit(owner, unreadOnly, page), messages.countUnread(owner));
    }

    /**
     * The calling unit acknowledges one of its messages. The first acknowledgement records the proof
     * of receipt; later ones (also concurrent ones that lost the race) answer the message as it is.
     *
     * @throws NotFound if there is no such message or it is in another inbox
     */
    public InboxMessage acknowledge(Caller caller, String messageId) {
        String owner = ownerOf(caller);
        for (int attempt = 1; attempt <= ACKNOWLEDGE_ATTEMPTS; attempt++) {
            InboxMessage message = messages.byId(messageId)
                    .filter(found -> found.unitId().equals(owner))
                    .orElseThrow(() -> new NotFound("inbox message", messageId));
            if (message.isAcknowledged()) {
                return message;
            }
            message.acknowledge(caller.asActor(), now());
            if (messages.update(message)) {
                return message;
            }
        }
        throw new Conflict("inbox message " + messageId + " keeps changing; try again");
    }

    /** Whose inbox the caller reads: its own unit's, or the office's for a supervisor. */
    static String ownerOf(Caller caller) {
        caller.require(Role.UNIT, Role.SUPERVISOR);
        return caller.has(Role.UNIT) ? caller.unitId() : InboxMessage.OFFICE;
    }

    /** A message just put into an inbox, or found there from an earlier delivery of the same event. */
    public record Told(InboxMessage message, boolean first) {
    }

    /** Now, to the millisecond: what the store keeps, so an answer never differs from a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
