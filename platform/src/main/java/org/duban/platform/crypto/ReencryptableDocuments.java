package org.duban.platform.crypto;

import java.util.List;

/**
 * A collection with encrypted fields, as {@link FieldReencryption} goes through it: the documents with a
 * field in the clear or under a key that is no longer primary, and how to write one again under the
 * primary key. Implemented by the collection's Mongo adapter, which knows its mapping.
 */
public interface ReencryptableDocuments {

    /** The collection's name, for the log. */
    String collection();

    /** Ids, ascending, after {@code after} (null: from the first) of documents not wholly under the primary key. */
    List<String> notUnderPrimaryKey(String after, int limit);

    /** How many documents are not wholly under the primary key. */
    long countNotUnderPrimaryKey();

    /**
     * Reads the document again and, if it is still not wholly under the primary key, writes every encrypted
     * field of it under the primary key in one write guarded by the version it read (the version goes up).
     *
     * @return whether it wrote; false if the document is gone, needs nothing, or changed meanwhile (another
     *         instance, or a use case, wrote it: under the primary key, or it is found on the next start)
     * @throws FieldDecryptionFailed if a field does not open
     */
    boolean reencrypt(String id);
}
