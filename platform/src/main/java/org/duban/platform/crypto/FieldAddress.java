package org.duban.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an encrypted value lives: its collection, its document's id and its field. It is the associated
 * data of the encryption, so a ciphertext opens only where it was written: copied into another document or
 * another field, it does not open.
 *
 * @param field the field's name as the document stores it ({@code petitioner.name}), or a name of the
 *              adapter's that stays the same for the value's life ({@code secrets.value@<createdAt>})
 */
public record FieldAddress(String collection, String documentId, String field) {

    private static final String VERSION = "duban-field-v1";
    private static final char SEPARATOR = '\u0000';

    public FieldAddress {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(field, "field");
        if ((collection + documentId + field).indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a field address holds no NUL character");
        }
    }

    /** The bytes the ciphertext is bound to: the three parts, NUL-separated, after a format tag. */
    byte[] associatedData() {
        return (VERSION + SEPARATOR + collection + SEPARATOR + documentId + SEPARATOR + field)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return collection + "/" + documentId + " " + field;
    }
}
