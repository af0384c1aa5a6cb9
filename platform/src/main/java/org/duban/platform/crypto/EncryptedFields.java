package org.duban.platform.crypto;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gt;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The encrypted fields of one collection as its documents store them: each value is a sub-document
 * {@code {kid: <key id>, ct: <binary ciphertext>}} bound to its document id and field name (ADR 0011). A
 * plain string where such a sub-document belongs was written before field encryption: it is read as it is,
 * and {@link FieldReencryption} writes it again encrypted.
 */
public final class EncryptedFields {

    /** The key id beside the ciphertext (a 64-bit integer holding Tink's unsigned 32-bit key id). */
    public static final String KEY_ID = "kid";
    public static final String CIPHERTEXT = "ct";

    private final FieldCipher cipher;
    private final String collection;

    public EncryptedFields(FieldCipher cipher, String collection) {
        this.cipher = cipher;
        this.collection = collection;
    }

    /** The value as stored, under the primary key; null stays null. */
    public Document encrypt(String documentId, String field, String value) {
        if (value == null) {
            return null;
        }
        EncryptedField encrypted = cipher.encrypt(new FieldAddress(collection, documentId, field), value);
        return new Document(KEY_ID, encrypted.keyId()).append(CIPHERTEXT, new Binary(encrypted.ciphertext()));
    }

    /**
     * The value of a stored field: decrypted, or as it is if it was stored in the clear before field
     * encryption; null stays null.
     *
     * @throws FieldDecryptionFailed if it does not open (see {@link FieldCipher#decrypt})
     */
    public String decrypt(String documentId, String field, Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof String legacy) {
            return legacy;
        }
        FieldAddress address = new FieldAddress(collection, documentId, field);
        if (!(stored instanceof Document document) || !(document.get(KEY_ID) instanceof Number keyId)
                || !(document.get(CIPHERTEXT) instanceof Binary ciphertext)) {
            throw new FieldDecryptionFailed(address + " is neither a string nor {" + KEY_ID + ", " + CIPHERTEXT + "}");
        }
        return cipher.decrypt(address, new EncryptedField(keyId.longValue(), ciphertext.getData()));
    }

    /** Whether a stored field needs no new encryption: absent, or encrypted under the primary key. */
    public boolean underPrimaryKey(Object stored) {
        return stored == null || stored instanceof Document document
                && document.get(KEY_ID) instanceof Number keyId && keyId.longValue() == cipher.primaryKeyId();
    }

    /**
     * Documents whose field at {@code path} (an encrypted value; a path through an array of them names any
     * element) is not under the primary key: in the clear, or under another key. Documents without the
     * field match too; use it on a field every document has.
     */
    public Bson notUnderPrimaryKey(String path) {
        return Filters.ne(path + "." + KEY_ID, cipher.primaryKeyId());
    }

    public long primaryKeyId() {
        return cipher.primaryKeyId();
    }

    public String collection() {
        return collection;
    }

    /** Ids of documents matching {@code filter} after {@code after} (null: from the first), ascending, at most {@code limit}. */
    public static List<String> idsAfter(MongoCollection<Document> collection, Bson filter, String after, int limit) {
        Bson page = after == null ? filter : and(filter, gt("_id", after));
        return collection.find(page).projection(Projections.include("_id")).sort(Sorts.ascending("_id")).limit(limit)
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }
}
