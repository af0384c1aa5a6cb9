package org.duban.intake.lawyer.web;

import static org.duban.intake.web.ApiViews.pageInfo;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.duban.intake.api.LawyersApi;
import org.duban.intake.api.model.LawyerDutySession;
import org.duban.intake.api.model.LawyerDutySessionPage;
import org.duban.intake.api.model.LawyerParticipation;
import org.duban.intake.api.model.LawyerParticipationKind;
import org.duban.intake.api.model.LawyerParticipationPage;
import org.duban.intake.api.model.RecordLawyerDutySessionRequest;
import org.duban.intake.api.model.RecordLawyerParticipationRequest;
import org.duban.intake.lawyer.DutySession;
import org.duban.intake.lawyer.DutySessionSnapshot;
import org.duban.intake.lawyer.LawyerParticipationSnapshot;
import org.duban.intake.lawyer.LawyerService;
import org.duban.intake.lawyer.LawyerService.TitledParticipation;
import org.duban.intake.lawyer.ParticipationFilter;
import org.duban.intake.lawyer.ParticipationKind;
import org.duban.intake.lawyer.Period;
import org.duban.intake.lawyer.RecordDutySession;
import org.duban.intake.lawyer.RecordParticipation;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LawyerController implements LawyersApi {

    private final LawyerService lawyers;
    private final CurrentCaller caller;

    LawyerController(LawyerService lawyers, CurrentCaller caller) {
        this.lawyers = lawyers;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<LawyerDutySession> recordLawyerDutySession(RecordLawyerDutySessionRequest request,
            String idempotencyKey) {
        DutySession session = lawyers.recordDutySession(caller.get(), new RecordDutySession(request.getHeldOn(),
                request.getLawyerName(), request.getVisitorsReceived(), request.getNote()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/lawyer-duty-sessions?from=" + session.snapshot().heldOn()))
                .body(view(session));
    }

    @Override
    public ResponseEntity<LawyerDutySessionPage> listLawyerDutySessions(LocalDate from, LocalDate to, Integer page,
            Integer size) {
        Page<DutySession> found = lawyers.dutySessions(caller.get(), new Period(from, to), PageRequest.of(page, size));
        return ResponseEntity.ok(new LawyerDutySessionPage(found.items().stream().map(LawyerController::view).toList(),
                pageInfo(found)));
    }

    @Override
    public ResponseEntity<LawyerParticipation> recordLawyerParticipation(RecordLawyerParticipationRequest request,
            String idempotencyKey) {
        TitledParticipation recorded = lawyers.recordParticipation(caller.get(), new RecordParticipation(
                request.getCaseId(), kind(request.getKind()), request.getLawyerName(), request.getParticipatedOn(),
                request.getNote()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/lawyer-participations?caseId="
                + recorded.participation().snapshot().caseId())).body(view(recorded));
    }

    @Override
    public ResponseEntity<LawyerParticipationPage> listLawyerParticipations(LocalDate from, LocalDate to,
            String caseId, LawyerParticipationKind kind, Integer page, Integer size) {
        Page<TitledParticipation> found = lawyers.participations(caller.get(),
                new ParticipationFilter(new Period(from, to), caseId, kind(kind)), PageRequest.of(page, size));
        return ResponseEntity.ok(new LawyerParticipationPage(
                found.items().stream().map(LawyerController::view).toList(), pageInfo(found)));
    }

    private static ParticipationKind kind(LawyerParticipationKind kind) {
        return kind == null ? null : ParticipationKind.valueOf(kind.getValue());
    }

    static LawyerDutySession view(DutySession recorded) {
        DutySessionSnapshot session = recorded.snapshot();
        return new LawyerDutySession(session.id(), session.heldOn(), session.lawyerName(), session.visitorsReceived(),
                session.recordedAt().atOffset(ZoneOffset.UTC))
                .note(session.note());
    }

    static LawyerParticipation view(TitledParticipation titled) {
        LawyerParticipationSnapshot participation = titled.participation().snapshot();
        return new LawyerParticipation(participation.id(), participation.caseId(),
                LawyerParticipationKind.fromValue(participation.kind().name()), participation.lawyerName(),
                participation.participatedOn(), participation.recordedAt().atOffset(ZoneOffset.UTC))
                .caseTitle(titled.caseTitle())
                .note(participation.note());
    }

}
