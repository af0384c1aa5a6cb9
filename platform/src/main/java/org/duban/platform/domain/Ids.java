package org.duban.platform.domain;

import java.util.UUID;

/** New identifiers: random UUIDs, unguessable, so that an id reveals nothing about other objects. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
