package org.duban.intake.lawyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.duban.intake.cases.CaseFixtures.LEADER;
import static org.duban.intake.cases.CaseFixtures.OFFICE;
import static org.duban.intake.cases.CaseFixtures.SUPERVISOR;
import static org.duban.intake.cases.CaseFixtures.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.contracts.events.LawyerDutySessionRecorded;
import org.duban.contracts.events.LawyerParticipationRecorded;
import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.InMemoryPetitionCases;
import org.duban.intake.cases.QueryCodeFixtures;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.EventJson;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotencyKeys;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * 律师参与 as the office records it: duty sessions (律师坐班接访) and a lawyer's part in a matter (参与调解,
 * 法律意见) — who may, what is refused with every field named and nothing stored, what the events carry.
 */
class LawyerServiceTest {

    /** 2026-03-02 10:00 in the office. */
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 20);

    private final MovableClock clock = new MovableClock(NOW);
    private final Sessions sessions = new Sessions(new PendingEvents(clock));
    private final Participations participations = new Participations(new PendingEvents(clock));
    private final InMemoryPetitionCases matters = new InMemoryPetitionCases();
    private final IdempotentCreations creations = new IdempotentCreations(new Keys(), clock);
    private final CaseService cases = new CaseService(matters, (unitId, caseId) -> false, null,
            new CaseService.CaseSupport(creations, clock, OFFICE,
                    QueryCodeFixtures.recoverable(clock)));
    private final LawyerService lawyers = new LawyerService(sessions, participations, cases,
            new LawyerService.LawyerSupport(creations, clock, OFFICE));

    @Test
    void aSupervisorRecordsADutySessionAndItsEventCarriesTheDayAndTheVisitorsButNoName() {
        // when
        DutySession session = lawyers.recordDutySession(SUPERVISOR,
                new RecordDutySession(TODAY, "  赵律师 ", 7, "周一坐班"), null);

        // then
        DutySessionSnapshot recorded = session.snapshot();
        assertThat(recorded.lawyerName()).isEqualTo("赵律师");
        assertThat(recorded.visitorsReceived()).isEqualTo(7);
        assertThat(recorded.recordedAt()).isEqualTo(NOW);
        assertThat(recorded.recordedBy()).isEqualTo("zhang.wei");
        assertThat(sessions.find(recorded.id())).contains(session);
        PendingEvent event = sessions.events.get(0);
        assertThat(event.type()).isEqualTo(LawyerDutySessionRecorded.TYPE);
        assertThat(event.key()).isEqualTo(recorded.id());
        assertThat(EventJson.read(event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8), LawyerDutySessionRecorded.class))
                .isEqualTo(new LawyerDutySessionRecorded(recorded.id(), TODAY, 7, NOW, SUPERVISOR.asActor()));
        assertThat(event.data()).doesNotContain("赵律师", "周一坐班");
    }

    @Test
    void aSessionWithNothingRightIsRefusedNamingEveryFieldAndNothingIsStored() {
        // when
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> lawyers.recordDutySession(SUPERVISOR, new RecordDutySession(null, "  ", -1, "注".repeat(501)),
                        null));

        // then
        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("heldOn", "lawyerName", "visitorsReceived", "note");
        assertThat(sessions.stored).isEmpty();
        assertThat(sessions.events).isEmpty();
    }

    @Test
    void aSessionOrAParticipationDatedAfterTodayIsRefusedAndTheIdempotencyKeyStaysFreeForTheCorrection() {
        // given
        matters.add(matter("lift", "小区加装电梯纠纷", NOW));

        // when / then
        assertThatThrownBy(() -> lawyers.recordDutySession(SUPERVISOR,
                new RecordDutySession(TODAY.plusDays(1), "赵律师", 3, null), "key-1"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("heldOn").hasMessageContaining("must not be in the future");
        assertThatThrownBy(() -> lawyers.recordParticipation(SUPERVISOR,
                new RecordParticipation("lift", ParticipationKind.MEDIATION, "赵律师", TODAY.plusDays(1), null), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("participatedOn");
        assertThat(sessions.stored).isEmpty();
        assertThat(participations.stored).isEmpty();
        assertThat(lawyers.recordDutySession(SUPERVISOR, new RecordDutySession(TODAY, "赵律师", 3, null), "key-1"))
                .isNotNull();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstSessionAndRecordsNothingMore() {
        // given
        RecordDutySession request = new RecordDutySession(TODAY, "赵律师", 7, null);
        DutySession first = lawyers.recordDutySession(SUPERVISOR, request, "key-1");

        // when
        DutySession again = lawyers.recordDutySession(SUPERVISOR, request, "key-1");

        // then
        assertThat(again).isEqualTo(first);
        assertThat(sessions.events).hasSize(1);
        assertThatThrownBy(() -> lawyers.recordDutySession(SUPERVISOR, new RecordDutySession(TODAY, "钱律师", 1, null),
                "key-1")).isInstanceOf(Conflict.class);
    }

    @Test
    void aSupervisorRecordsALawyersMediationOfAMatterKeyedByTheMatter() {
        // given
        matters.add(matter("lift", "小区加装电梯纠纷", NOW));

        // when
        LawyerService.TitledParticipation recorded = lawyers.recordParticipation(SUPERVISOR,
                new RecordParticipation("lift", ParticipationKind.MEDIATION, "赵律师", TODAY.minusDays(1), "调解成功"),
                null);

        // then
        assertThat(recorded.caseTitle()).isEqualTo("小区加装电梯纠纷");
        LawyerParticipationSnapshot participation = recorded.participation().snapshot();
        assertThat(participation.kind()).isEqualTo(ParticipationKind.MEDIATION);
        assertThat(participation.note()).isEqualTo("调解成功");
        PendingEvent event = participations.events.get(0);
        assertThat(event.key()).isEqualTo("lift");
        assertThat(EventJson.read(event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8), LawyerParticipationRecorded.class)).isEqualTo(
                new LawyerParticipationRecorded(participation.id(), "lift", "MEDIATION", TODAY.minusDays(1), NOW,
                        SUPERVISOR.asActor()));
        assertThat(event.data()).doesNotContain("赵律师", "调解成功");
    }

    @Test
    void aParticipationInAMatterThatIsNotRegisteredIsRefusedNamingCaseId() {
        // when
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> lawyers.recordParticipation(SUPERVISOR,
                new RecordParticipation("nope", ParticipationKind.LEGAL_OPINION, "赵律师", TODAY, null), null));

        // then
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("caseId");
        assertThat(participations.stored).isEmpty();
    }

    @Test
    void onlySupervisorsRecordAndLeadersRead() {
        // given
        Caller unit = Caller.unit("li.na", "unit-1");
        lawyers.recordDutySession(SUPERVISOR, new RecordDutySession(TODAY, "赵律师", 7, null), null);

        // when / then
        assertThatThrownBy(() -> lawyers.recordDutySession(LEADER, new RecordDutySession(TODAY, "赵律师", 7, null),
                null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> lawyers.dutySessions(unit, Period.any(), FIRST_PAGE)).isInstanceOf(Forbidden.class);
        assertThat(lawyers.dutySessions(LEADER, Period.any(), FIRST_PAGE).items()).hasSize(1);
        assertThat(lawyers.participations(LEADER, new ParticipationFilter(Period.any(), null, null), FIRST_PAGE)
                .items()).isEmpty();
    }

    @Test
    void listsThePeriodsSessionsAndAMattersParticipationsLatestDayFirst() {
        // given
        matters.add(matter("lift", "小区加装电梯纠纷", NOW));
        matters.add(matter("wages", "拖欠农民工工资", NOW));
        for (int day = 1; day <= 3; day++) {
            lawyers.recordDutySession(SUPERVISOR, new RecordDutySession(TODAY.minusDays(day), "赵律师", day, null), null);
        }
        lawyers.recordParticipation(SUPERVISOR,
                new RecordParticipation("lift", ParticipationKind.MEDIATION, "赵律师", TODAY.minusDays(5), null), null);
        lawyers.recordParticipation(SUPERVISOR,
                new RecordParticipation("lift", ParticipationKind.LEGAL_OPINION, "钱律师", TODAY.minusDays(2), null), null);
        lawyers.recordParticipation(SUPERVISOR,
                new RecordParticipation("wages", ParticipationKind.MEDIATION, "钱律师", TODAY, null), null);

        // when
        Page<DutySession> twoDays = lawyers.dutySessions(SUPERVISOR, new Period(TODAY.minusDays(2), TODAY), FIRST_PAGE);
        Page<LawyerService.TitledParticipation> lift = lawyers.participations(SUPERVISOR,
                new ParticipationFilter(Period.any(), "lift", null), FIRST_PAGE);
        Page<LawyerService.TitledParticipation> mediations = lawyers.participations(SUPERVISOR,
                new ParticipationFilter(Period.any(), null, ParticipationKind.MEDIATION), FIRST_PAGE);

        // then
        assertThat(twoDays.items()).extracting(session -> session.snapshot().heldOn())
                .containsExactly(TODAY.minusDays(1), TODAY.minusDays(2));
        assertThat(lift.items()).extracting(titled -> titled.participation().snapshot().kind())
                .containsExactly(ParticipationKind.LEGAL_OPINION, ParticipationKind.MEDIATION);
        assertThat(lift.items()).extracting(LawyerService.TitledParticipation::caseTitle).containsOnly("小区加装电梯纠纷");
        assertThat(mediations.items()).extracting(titled -> titled.participation().snapshot().caseId())
                .containsExactly("wages", "lift");
        assertThatThrownBy(() -> new Period(TODAY, TODAY)).isInstanceOf(InvalidInput.class).hasMessageContaining("to");
    }

    private static final class Keys implements IdempotencyKeys {
        private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

        @Override
        public Reservation reserve(String key, String resourceId, String fingerprint) {
            return reservations.computeIfAbsent(key, k -> new Reservation(resourceId, fingerprint));
        }
    }

    /** Sessions in a map; their events become outbox entries as the Mongo store makes them. */
    private static final class Sessions implements DutySessions {
        final Map<String, DutySession> stored = new LinkedHashMap<>();
        final List<PendingEvent> events = new ArrayList<>();
        private final PendingEvents pending;

        Sessions(PendingEvents pending) {
            this.pending = pending;
        }

        @Override
        public void add(DutySession session) {
            stored.put(session.snapshot().id(), session);
            events.addAll(pending.of(session.snapshot().id(), session.recordedEvents()));
        }

        @Override
        public Optional<DutySession> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Page<DutySession> list(Period period, PageRequest page) {
            List<DutySession> matching = stored.values().stream().filter(s -> period.contains(s.snapshot().heldOn()))
                    .sorted(Comparator.comparing((DutySession s) -> s.snapshot().heldOn()).reversed()).toList();
            return new Page<>(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
        }
    }

    /** Participations in a map; their events become outbox entries, keyed by the matter, as on Mongo. */
    private static final class Participations implements LawyerParticipations {
        final Map<String, LawyerParticipation> stored = new LinkedHashMap<>();
        final List<PendingEvent> events = new ArrayList<>();
        private final PendingEvents pending;

        Participations(PendingEvents pending) {
            this.pending = pending;
        }

        @Override
        public void add(LawyerParticipation participation) {
            stored.put(participation.snapshot().id(), participation);
            events.addAll(pending.of(participation.snapshot().caseId(), participation.recordedEvents()));
        }

        @Override
        public Optional<LawyerParticipation> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public Page<LawyerParticipation> list(ParticipationFilter filter, PageRequest page) {
            List<LawyerParticipation> matching = stored.values().stream().filter(filter::matches)
                    .sorted(Comparator.comparing((LawyerParticipation p) -> p.snapshot().participatedOn()).reversed()).toList();
            return new Page<>(matching.stream().skip(page.offset()).limit(page.size()).toList(), page, matching.size());
        }
    }
}
