package org.duban.notification.template;

import java.util.Objects;

/** What a unit reads: a title and a body, in the office's words. */
public record RenderedMessage(String title, String body) {

    public RenderedMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        if (title.isBlank() || body.isBlank()) {
            throw new IllegalArgumentException("a message needs a title and a body");
        }
    }
}
