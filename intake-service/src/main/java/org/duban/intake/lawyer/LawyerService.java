package org.duban.intake.lawyer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.duban.intake.cases.CaseService;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/**
 * Lawyers' part in the office's work (律师参与): supervisors record duty sessions (律师坐班接访) and a
 * lawyer's part in a matter (参与调解, 法律意见); supervisors and leaders list them. Reporting counts them
 * from the events.
 */
public final class LawyerService {

    private final DutySessions sessions;
    private final LawyerParticipations participations;
    private final CaseService cases;
    private final LawyerSupport support;

    public LawyerService(DutySessions sessions, LawyerParticipations participations, CaseService cases,
            LawyerSupport support) {
        this.sessions = sessions;
        this.participations = participations;
        this.cases = cases;
        this.support = support;
    }

    /** Records a duty session (supervisor); a retry with the same idempotency key answers the first one. */
    public DutySession recordDutySession(Caller caller, RecordDutySession request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        // refused before the key is taken, so that the corrected request may use it
        LawyerDays.notAfterToday("heldOn", request.heldOn(), today());
        return support.creations().create(caller, "record-lawyer-duty-session", idempotencyKey, request, id -> {
            DutySession session = DutySession.record(id, request, caller.asActor(), support.clock().instant(),
                    today());
            sessions.add(session);
            return session;
        }, sessions::find);
    }

    /** Duty sessions held in the period, latest first (supervisor, leader). */
    public Page<DutySession> dutySessions(Caller caller, Period period, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        return sessions.list(period, page);
    }

    /**
     * Records a lawyer's part in a registered matter (supervisor): a matter that does not exist is a
     * field of the request in error (400 {@code caseId}), not a missing resource. A retry with the same
     * idempotency key answers the first one.
     */
    public TitledParticipation recordParticipation(Caller caller, RecordParticipation request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        // refused before the key is taken, so that the corrected request may use it
        String title = title(request.caseId());
        LawyerDays.notAfterToday("participatedOn", request.participatedOn(), today());
        LawyerParticipation participation = support.creations().create(caller, "record-lawyer-participation",
                idempotencyKey, request, id -> {
                    LawyerParticipation recorded = LawyerParticipation.record(id, request, caller.asActor(),
                            support.clock().instant(), today());
                    participations.add(recorded);
                    return recorded;
                }, participations::find);
        return new TitledParticipation(participation, title);
    }

    /** Participations matching the filter, latest first, each with its matter's title (supervisor, leader). */
    public Page<TitledParticipation> participations(Caller caller, ParticipationFilter filter, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        Page<LawyerParticipation> found = participations.list(filter, page);
        Map<String, String> titles = cases.titles(found.items().stream()
                .map(participation -> participation.snapshot().caseId()).distinct().toList());
        return found.map(participation -> new TitledParticipation(participation,
                titles.get(participation.snapshot().caseId())));
    }

    private String title(String caseId) {
        try {
            return cases.find(caseId).details().title();
        } catch (NotFound missing) {
            throw new InvalidInput("caseId", "not a registered matter: " + caseId);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(support.clock().instant(), support.officeZone());
    }

    /** A participation with its matter's title (null if the matter is unknown). */
    public record TitledParticipation(LawyerParticipation participation, String caseTitle) {

        public Optional<String> title() {
            return Optional.ofNullable(caseTitle);
        }
    }

    /** What the use cases need besides the stores: idempotent ids, the clock, the office's zone. */
    public record LawyerSupport(IdempotentCreations creations, Clock clock, ZoneId officeZone) {
        public LawyerSupport {
            Objects.requireNonNull(creations, "creations");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(officeZone, "officeZone");
        }
    }
}
