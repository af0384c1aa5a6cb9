package org.duban.intake.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentSnapshot;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.Extension;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.unit.ResponsibleUnit.UnitKind;

/**
 * Where a matter stands, as its petitioner may see it with the query code (办理进度): the stages it reached,
 * oldest first, and the deadline now running. Built from facts and dates only — no unit's name, notes,
 * reasons or report, no staff, no petitioner. A whistleblowing matter (检举揭发) shows only that it was
 * received: where it went and how it goes must not reach anyone outside the office [30].
 *
 * @param dueAt the earliest result deadline of the assignments still being handled (ASSIGNED, OBJECTED,
 *              ACCEPTED), or null when none is
 */
public record PublicProgress(List<ProgressStep> stages, Instant dueAt) {

    private static final Set<AssignmentStatus> HANDLING = EnumSet.of(AssignmentStatus.ASSIGNED,
            AssignmentStatus.OBJECTED, AssignmentStatus.ACCEPTED);
    private static final Set<AssignmentStatus> REPORT_IN = EnumSet.of(AssignmentStatus.REPORTED,
            AssignmentStatus.CONCLUDED);

    public PublicProgress {
        stages = List.copyOf(stages);
    }

    /**
     * The progress of {@code matter} from its assignments. A cancelled assignment (withdrawn, or objected
     * to and sent elsewhere) is left out; a final report counts while it stands (sent back, it is not).
     *
     * @param kindOf the kind of body a unit is
     */
    public static PublicProgress of(PetitionCase matter, List<AssignmentSnapshot> assignments,
            Function<String, UnitKind> kindOf) {
        Objects.requireNonNull(matter, "matter");
        List<ProgressStep> stages = new ArrayList<>();
        stages.add(ProgressStep.of(ProgressStage.REGISTERED, matter.registeredAt()));
        if (matter.details().whistleblowing()) {
            return new PublicProgress(stages, null);
        }
        Instant dueAt = null;
        for (AssignmentSnapshot assignment : assignments) {
            if (assignment.status() == AssignmentStatus.CANCELLED) {
                continue;
            }
            stages.add(new ProgressStep(assignment.kind() == AssignmentKind.TRANSFER ? ProgressStage.TRANSFERRED
                    : ProgressStage.ASSIGNED, assignment.issuedAt(), kindOf.apply(assignment.unitId())));
            if (assignment.acceptedAt() != null) {
                stages.add(ProgressStep.of(ProgressStage.ACCEPTED, assignment.acceptedAt()));
            }
            assignment.extensions().stream()
                    .filter(extension -> extension.status() == Extension.Status.APPROVED)
                    .forEach(extension -> stages.add(ProgressStep.of(ProgressStage.EXTENDED, extension.decidedAt())));
            if (REPORT_IN.contains(assignment.status()) && assignment.finalReport() != null) {
                stages.add(ProgressStep.of(ProgressStage.REPORTED, assignment.finalReport().submittedAt()));
            }
            if (assignment.status() == AssignmentStatus.CONCLUDED) {
                stages.add(ProgressStep.of(ProgressStage.CONCLUDED, assignment.closedAt()));
            }
            if (HANDLING.contains(assignment.status()) && (dueAt == null || assignment.dueAt().isBefore(dueAt))) {
                dueAt = assignment.dueAt();
            }
        }
        // by time; a stage and the next one of the same moment (a transfer's report and conclusion) keep their order
        stages.sort(Comparator.comparing(ProgressStep::at));
        return new PublicProgress(stages, dueAt);
    }
}
