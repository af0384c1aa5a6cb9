package org.duban.platform.domain;

/** The caller's role may not do this at all (as opposed to another unit's object, which is {@link NotFound}). */
public final class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(message);
    }
}
