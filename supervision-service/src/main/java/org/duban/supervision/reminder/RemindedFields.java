package org.duban.supervision.reminder;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a subject's last reminder is kept in its stored document: field {@code reminded}, holding the
 * deadline's kind, its due instant and the colour. Plain values (a map, a {@link Date}), so that every
 * store of reminded subjects writes and reads it alike.
 */
public final class RemindedFields {

    public static final String FIELD = "reminded";

    private RemindedFields() {
    }

    /** The stored form of {@code reminded}; null for none. */
    public static Map<String, Object> toFields(Reminded reminded) {
        if (reminded == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("deadlineKind", reminded.deadline().kind().name());
        fields.put("dueAt", Date.from(reminded.deadline().at()));
        fields.put("colour", reminded.colour().name());
        return fields;
    }

    /** The reminder read back from {@code document}'s {@value #FIELD}; null when it has none. */
    public static Reminded fromDocument(Map<String, Object> document) {
        Object stored = document.get(FIELD);
        if (!(stored instanceof Map<?, ?> fields)) {
            return null;
        }
        return new Reminded(new Deadline(DeadlineKind.valueOf((String) fields.get("deadlineKind")),
                ((Date) fields.get("dueAt")).toInstant()), AlertColour.valueOf((String) fields.get("colour")));
    }
}
