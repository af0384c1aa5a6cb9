package org.duban.intake.assignment.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.duban.intake.api.model.AssignmentExtension;
import org.duban.intake.api.model.AssignmentFinalReport;
import org.duban.intake.api.model.AssignmentKind;
import org.duban.intake.api.model.AssignmentObjection;
import org.duban.intake.api.model.AssignmentProgressNote;
import org.duban.intake.api.model.Assignment.ProvisionalDeadlinesEnum;
import org.duban.intake.api.model.AssignmentStatus;
import org.duban.intake.api.model.ExtensionStatus;
import org.duban.intake.api.model.FinalReportOutcome;
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentSnapshot;
import org.duban.intake.assignment.Extension;
import org.duban.intake.assignment.FinalReport;
import org.duban.intake.assignment.Objection;
import org.duban.intake.assignment.ProgressNote;
import org.duban.intake.assignment.TitledAssignment;

/** The assignment as the API shows it to supervisors, leaders and the unit it belongs to. */
final class AssignmentViews {

    private AssignmentViews() {
    }

    static org.duban.intake.api.model.Assignment view(TitledAssignment titled) {
        AssignmentSnapshot state = titled.assignment().snapshot();
        return new org.duban.intake.api.model.Assignment(state.id(), state.caseId(), state.unitId(),
                AssignmentKind.fromValue(state.kind().name()), AssignmentStatus.fromValue(state.status().name()),
                offset(state.issuedAt()), offset(state.acceptanceDueAt()), offset(state.dueAt()))
                .caseTitle(titled.caseTitle())
                .instructions(state.instructions())
                .acceptedAt(offset(state.acceptedAt()))
                .noticeSentAt(offset(state.noticeSentAt()))
                .objectionDueAt(offset(state.objectionDueAt()))
                .deadlineProvisional(!state.provisionalDeadlines().isEmpty())
                .provisionalDeadlines(state.provisionalDeadlines().stream().sorted()
                        .map(deadline -> ProvisionalDeadlinesEnum.fromValue(deadline.name())).toList())
                .objection(objection(state.objection()))
                .progress(state.progress().stream().map(AssignmentViews::progressNote).toList())
                .extensions(state.extensions().stream().map(AssignmentViews::extension).toList())
                .finalReport(finalReport(state.finalReport()))
                .sendBacks(state.sendBacks())
                .reviewReason(state.reviewReason())
                .closedAt(offset(state.closedAt()))
                .cancelReason(state.cancelReason());
    }

    private static AssignmentObjection objection(Objection objection) {
        return objection == null ? null : new AssignmentObjection()
                .reason(objection.reason())
                .objectedAt(offset(objection.objectedAt()))
                .upheld(objection.upheld())
                .decidedAt(offset(objection.decidedAt()))
                .reassignedAssignmentId(objection.reassignedAssignmentId());
    }

    private static AssignmentProgressNote progressNote(ProgressNote note) {
        return new AssignmentProgressNote().id(note.id()).note(note.note()).reportedAt(offset(note.reportedAt()));
    }

    private static AssignmentExtension extension(Extension extension) {
        return new AssignmentExtension()
                .id(extension.id())
                .days(extension.days())
                .reason(extension.reason())
                .requestedAt(offset(extension.requestedAt()))
                .status(ExtensionStatus.fromValue(extension.status().name()))
                .note(extension.note())
                .decidedAt(offset(extension.decidedAt()));
    }

    private static AssignmentFinalReport finalReport(FinalReport report) {
        return report == null ? null : new AssignmentFinalReport()
                .outcome(FinalReportOutcome.fromValue(report.outcome().name()))
                .resolved(report.resolved())
                .summary(report.summary())
                .repliedAt(offset(report.repliedAt()))
                .submittedAt(offset(report.submittedAt()))
                .withinDeadline(report.withinDeadline());
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
