package org.duban.intake.cases.mongo;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.duban.platform.crypto.EncryptedFields;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.crypto.ReencryptableDocuments;
import org.duban.platform.outbox.AggregateWriter;

/**
 * The petitioners in {@code cases}, as the re-encryption at start-up goes through them (ADR 0011): a matter
 * whose petitioner is in the clear (stored before field encryption) or under a key that is no longer
 * primary is written again under the primary key, in one update of the matter guarded by its version.
 */
public final class MongoPetitionerReencryption implements ReencryptableDocuments {

    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> collection;
    private final AggregateWriter writer;
    private final PetitionerFields petitioner;

    public MongoPetitionerReencryption(MongoDatabase database, AggregateWriter writer, FieldCipher cipher) {
        this.collection = database.getCollection(MongoPetitionCases.COLLECTION);
        this.writer = writer;
        this.petitioner = new PetitionerFields(cipher);
    }

    @Override
    public String collection() {
        return MongoPetitionCases.COLLECTION;
    }

    @Override
    public List<String> notUnderPrimaryKey(String after, int limit) {
        return EncryptedFields.idsAfter(collection, petitioner.notUnderPrimaryKey(), after, limit);
    }

    @Override
    public long countNotUnderPrimaryKey() {
        return collection.countDocuments(petitioner.notUnderPrimaryKey());
    }

    /** Tries again when a use case wrote the matter between the read and the write. */
    @Override
    public boolean reencrypt(String id) {
        for (int attempt = 1; ; attempt++) {
            Document read = collection.find(eq(AggregateWriter.ID, id)).first();
            Document stored = read == null ? null : read.get(PetitionerFields.FIELD, Document.class);
            if (stored == null || petitioner.underPrimaryKey(stored)) {
                return false;
            }
            Document encrypted = petitioner.toDocument(id, petitioner.fromDocument(id, stored));
            try {
                writer.update(collection, id, read.get(AggregateWriter.VERSION, Number.class).longValue(),
                        new Document(PetitionerFields.FIELD, encrypted), List.of());
                return true;
            } catch (AggregateWriter.ConcurrentModification e) {
                if (attempt == ATTEMPTS) {
                    return false;
                }
            }
        }
    }
}
