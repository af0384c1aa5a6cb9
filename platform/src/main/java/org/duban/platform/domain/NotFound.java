package org.duban.platform.domain;

/**
 * The object does not exist, or the caller may not know that it does (another unit's object): both
 * answer the same 404 so that nothing leaks.
 */
public final class NotFound extends DomainException {

    public NotFound(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
