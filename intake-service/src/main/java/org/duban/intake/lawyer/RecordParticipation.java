package org.duban.intake.lawyer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.InvalidInput.FieldProblem;

/** A lawyer's part in a matter to record: which matter, which kind, the lawyer, the day, a note. */
public record RecordParticipation(String caseId, ParticipationKind kind, String lawyerName, LocalDate participatedOn,
        String note) {

    public RecordParticipation {
        List<FieldProblem> problems = new ArrayList<>();
        caseId = caseId == null ? null : caseId.strip();
        if (caseId == null || caseId.isEmpty()) {
            problems.add(new FieldProblem("caseId", "is required"));
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "is required"));
        }
        lawyerName = LawyerName.checked(lawyerName, problems);
        if (participatedOn == null) {
            problems.add(new FieldProblem("participatedOn", "is required"));
        }
        note = LawyerName.note(note, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
