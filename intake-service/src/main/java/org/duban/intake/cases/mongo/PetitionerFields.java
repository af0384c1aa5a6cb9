package org.duban.intake.cases.mongo;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.platform.crypto.EncryptedFields;
import org.duban.platform.crypto.FieldCipher;

/**
 * The petitioner inside a {@code cases} document, each field encrypted on its own and bound to the matter's
 * id and the field's name (ADR 0011): {@code petitioner: {name: {kid, ct}, idNumber: {kid, ct} | null,
 * phone: {kid, ct} | null}}. Matters stored before field encryption hold the three as plain strings: they
 * are read as they are, and written again encrypted by {@link MongoPetitionerReencryption}. Nothing looks a
 * matter up by the petitioner's name, ID number or phone, so no field needs a deterministic form.
 */
final class PetitionerFields {

    static final String FIELD = "petitioner";
    private static final String NAME = "name";
    private static final String ID_NUMBER = "idNumber";
    private static final String PHONE = "phone";

    private final EncryptedFields fields;

    PetitionerFields(FieldCipher cipher) {
        this.fields = new EncryptedFields(cipher, MongoPetitionCases.COLLECTION);
    }

    Document toDocument(String caseId, Petitioner petitioner) {
        return new Document(NAME, fields.encrypt(caseId, path(NAME), petitioner.name()))
                .append(ID_NUMBER, fields.encrypt(caseId, path(ID_NUMBER), petitioner.idNumber()))
                .append(PHONE, fields.encrypt(caseId, path(PHONE), petitioner.phone()));
    }

    Petitioner fromDocument(String caseId, Document petitioner) {
        return new Petitioner(fields.decrypt(caseId, path(NAME), petitioner.get(NAME)),
                fields.decrypt(caseId, path(ID_NUMBER), petitioner.get(ID_NUMBER)),
                fields.decrypt(caseId, path(PHONE), petitioner.get(PHONE)));
    }

    /** Whether every field is under the primary key (or absent). */
    boolean underPrimaryKey(Document petitioner) {
        return fields.underPrimaryKey(petitioner.get(NAME)) && fields.underPrimaryKey(petitioner.get(ID_NUMBER))
                && fields.underPrimaryKey(petitioner.get(PHONE));
    }

    /**
     * Matters whose petitioner is not under the primary key. The name, which every matter has, stands for
     * all three: they are always written together.
     */
    Bson notUnderPrimaryKey() {
        return fields.notUnderPrimaryKey(path(NAME));
    }

    private static String path(String field) {
        return FIELD + "." + field;
    }
}
