package org.duban.notification.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** {@link InboxMessages} in a map, with the same version rule as the store; records what would be published. */
public final class InMemoryInboxMessages implements InboxMessages {

    private final Map<String, InboxMessageSnapshot> byId = new LinkedHashMap<>();
    private final List<NotificationAcknowledged> published = new ArrayList<>();
    private Runnable beforeNextStore = () -> { };

    @Override
    public synchronized boolean addIfAbsent(InboxMessage message) {
        return byId.putIfAbsent(message.id(), message.snapshot()) == null;
    }

    @Override
    public synchronized Optional<InboxMessage> byId(String id) {
        return Optional.ofNullable(byId.get(id)).map(InboxMessage::restore);
    }

    @Override
    public boolean update(InboxMessage message) {
        Runnable interference = beforeNextStore;
        beforeNextStore = () -> { };
        interference.run();
        synchronized (this) {
            InboxMessageSnapshot stored = byId.get(message.id());
            if (stored.version() != message.version()) {
                return false;
            }
            InboxMessageSnapshot changed = message.snapshot();
            byId.put(stored.id(), new InboxMessageSnapshot(changed.id(), changed.message(), changed.createdAt(),
                    changed.acknowledgement(), changed.version() + 1));
            message.recordedEvents().forEach(event -> published.add((NotificationAcknowledged) event));
            return true;
        }
    }

    @Override
    public synchronized Page<InboxMessage> ofUnit(String unitId, boolean unreadOnly, PageRequest page) {
        List<InboxMessage> all = byId.values().stream().map(InboxMessage::restore)
                .filter(message -> message.unitId().equals(unitId))
                .filter(message -> !unreadOnly || !message.isAcknowledged())
                .sorted(InboxMessage.UNREAD_FIRST_NEWEST_FIRST)
                .toList();
        List<InboxMessage> items = all.stream().skip(page.offset()).limit(page.size()).toList();
        return new Page<>(items, page, all.size());
    }

    @Override
    public synchronized long countUnread(String unitId) {
        return byId.values().stream()
                .filter(m -> m.message().unitId().equals(unitId) && m.acknowledgement() == null).count();
    }

    /** Runs {@code interference} just before the next acknowledgement is stored: a concurrent writer. */
    public void beforeNextStore(Runnable interference) {
        this.beforeNextStore = interference;
    }

    public synchronized List<NotificationAcknowledged> published() {
        return List.copyOf(published);
    }

    public synchronized int size() {
        return byId.size();
    }
}
