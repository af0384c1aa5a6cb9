package org.duban.platform.domain;

/** A business rejection. The web layer maps each kind to its problem document; nothing else catches it. */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, StateConflict, Conflict, InvalidInput, Forbidden {

    protected DomainException(String message) {
        super(message);
    }
}
