package org.duban.intake.lawyer;

import java.util.List;

import org.duban.platform.domain.InvalidInput.FieldProblem;

/** The checks the record requests share: a lawyer's name, a note. */
final class LawyerName {

    static final int NAME_MAX = 50;
    static final int NOTE_MAX = 500;

    private LawyerName() {
    }

    /** The name without surrounding blanks; a problem added when it is missing, blank or too long. */
    static String checked(String name, List<FieldProblem> problems) {
        String stripped = name == null ? null : name.strip();
        if (stripped == null || stripped.isEmpty()) {
            problems.add(new FieldProblem("lawyerName", "is required"));
        } else if (stripped.length() > NAME_MAX) {
            problems.add(new FieldProblem("lawyerName", "must be at most " + NAME_MAX + " characters"));
        }
        return stripped;
    }

    /** The note, null when blank; a problem added when it is too long. */
    static String note(String note, List<FieldProblem> problems) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > NOTE_MAX) {
            problems.add(new FieldProblem("note", "must be at most " + NOTE_MAX + " characters"));
        }
        return note.strip();
    }
}
