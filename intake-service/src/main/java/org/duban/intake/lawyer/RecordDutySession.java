package org.duban.intake.lawyer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.InvalidInput.FieldProblem;

/**
 * A lawyer's duty session at the office (律师坐班接访) to record: the office-local day, the lawyer, how
 * many people the lawyer received (接待群众人次, 0 included) and an optional note. Every problem is
 * named at once.
 */
public record RecordDutySession(LocalDate heldOn, String lawyerName, Integer visitorsReceived, String note) {

    public static final int VISITORS_MAX = 1000;

    public RecordDutySession {
        List<FieldProblem> problems = new ArrayList<>();
        if (heldOn == null) {
            problems.add(new FieldProblem("heldOn", "is required"));
        }
        lawyerName = LawyerName.checked(lawyerName, problems);
        if (visitorsReceived == null) {
            problems.add(new FieldProblem("visitorsReceived", "is required"));
        } else if (visitorsReceived < 0 || visitorsReceived > VISITORS_MAX) {
            problems.add(new FieldProblem("visitorsReceived", "must be between 0 and " + VISITORS_MAX));
        }
        note = LawyerName.note(note, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
