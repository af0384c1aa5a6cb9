package org.duban.notification.template;

import org.duban.contracts.events.DubanEvent;

/**
 * How one event type reads in a unit's inbox. One template per event type; the wording lives here
 * and nowhere else, so that a later store of editable templates can take its place.
 *
 * @param <E> the event record the template renders
 */
public interface MessageTemplate<E extends DubanEvent> {

    /** The event record this template renders. */
    Class<E> eventType();

    RenderedMessage render(E event);
}
