package org.duban.intake.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.contracts.events.Actor;
import org.duban.intake.assignment.ConcludedMatter;
import org.duban.intake.assignment.ConcludedMatters;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter.ConcurrentModification;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The 超期未评价 sweep over in-memory stores with a movable clock: each matter whose window closed
 * unrated is recorded once, however many sweepers run; a rated one never; a failing one does not stop
 * the others and is taken up again.
 */
class OverdueUnratedSweepTest {

    private static final Instant CONCLUDED = Instant.parse("2026-03-02T01:30:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private final MovableClock clock = new MovableClock(CONCLUDED);
    private final Conclusions conclusions = new Conclusions();
    private final Stored evaluations = new Stored(new PendingEvents(clock));
    private final Progress progress = new Progress();

    private OverdueUnratedSweep sweeper() {
        return new OverdueUnratedSweep(conclusions, evaluations, progress, new OverdueUnratedSweep.Settings(
                new EvaluationWindow(WINDOW), clock));
    }

    @Test
    void aMatterUnratedWhenItsWindowClosesIsRecordedOnceAndARatedOneNever() {
        // given: two matters concluded; one rated on day 29
        conclusions.concluded("case-unrated", CONCLUDED);
        conclusions.concluded("case-rated", CONCLUDED.plusSeconds(60));
        CaseEvaluations rated = CaseEvaluations.none("case-rated");
        rated.record("eva-r", new RecordEvaluation("case-rated", Rating.SATISFIED, null), EvaluationChannel.PUBLIC,
                Actor.petitioner(), true, CONCLUDED.plus(Duration.ofDays(29)));
        // stored as rated; its event is not the sweep's concern
        evaluations.store(CaseEvaluations.restore(new CaseEvaluationsSnapshot("case-rated", rated.oldestFirst(), CaseEvaluations.NEW)));
        OverdueUnratedSweep sweep = sweeper();

        // when: a sweep just before the window closes, then after it, twice
        clock.set(CONCLUDED.plus(WINDOW).minusSeconds(1));
        OverdueUnratedSweep.Result early = sweep.sweep();
        clock.set(CONCLUDED.plus(WINDOW).plus(Duration.ofHours(2)));
        OverdueUnratedSweep.Result closed = sweep.sweep();
        OverdueUnratedSweep.Result again = sweep.sweep();

        // then
        assertThat(early.recorded()).isZero();
        assertThat(closed.recorded()).isEqualTo(1);
        assertThat(again.recorded()).isZero();
        CaseEvaluations unrated = evaluations.forCase("case-unrated").orElseThrow();
        assertThat(unrated.unrated()).isTrue();
        assertThat(unrated.current().orElseThrow().recordedAt()).isEqualTo(CONCLUDED.plus(WINDOW));
        assertThat(evaluations.forCase("case-rated").orElseThrow().oldestFirst()).extracting(Evaluation::rating)
                .containsExactly(Rating.SATISFIED);
        assertThat(evaluations.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("duban.evaluation.recorded.v1");
            assertThat(event.key()).isEqualTo("case-unrated");
            assertThat(event.data()).contains("\"rating\":\"OVERDUE_UNRATED\"", "\"channel\":\"SYSTEM\"",
                    "\"role\":\"SYSTEM\"");
        });
    }

    @Test
    void twoInstancesSweepingAtOnceRecordEachMatterExactlyOnce() throws Exception {
        // given: forty matters concluded the same day
        for (int i = 0; i < 40; i++) {
            conclusions.concluded("case-" + i, CONCLUDED.plusSeconds(i));
        }
        clock.set(CONCLUDED.plus(WINDOW).plus(Duration.ofDays(1)));
        OverdueUnratedSweep first = sweeper();
        OverdueUnratedSweep second = sweeper();

        // when
        Thread other = new Thread(second::sweep);
        other.start();
        first.sweep();
        other.join();
        first.sweep();

        // then
        assertThat(evaluations.events).hasSize(40);
        assertThat(evaluations.events.stream().map(PendingEvent::key).distinct()).hasSize(40);
    }

    @Test
    void aMatterThatFailsIsLeftForTheNextSweepWhileTheOthersAreRecorded() {
        // given
        conclusions.concluded("case-1", CONCLUDED);
        conclusions.concluded("case-2", CONCLUDED.plusSeconds(1));
        conclusions.concluded("case-3", CONCLUDED.plusSeconds(2));
        evaluations.broken.add("case-2");
        clock.set(CONCLUDED.plus(WINDOW).plus(Duration.ofHours(1)));
        OverdueUnratedSweep sweep = sweeper();

        // when
        OverdueUnratedSweep.Result failing = sweep.sweep();
        evaluations.broken.clear();
        clock.advance(Duration.ofDays(3));
        OverdueUnratedSweep.Result recovered = sweep.sweep();

        // then
        assertThat(failing.recorded()).isEqualTo(2);
        assertThat(failing.failed()).isEqualTo(1);
        assertThat(recovered.recorded()).isEqualTo(1);
        assertThat(evaluations.events).extracting(PendingEvent::key)
                .containsExactlyInAnyOrder("case-1", "case-2", "case-3");
    }

    @Test
    void aSweepLooksOnlyAtMattersConcludedSinceTheLastOneLessADay() {
        // given: a first sweep covered the matters concluded up to day 0
        conclusions.concluded("case-old", CONCLUDED);
        clock.set(CONCLUDED.plus(WINDOW).plus(Duration.ofHours(1)));
        OverdueUnratedSweep sweep = sweeper();
        sweep.sweep();

        // when: ten days later
        conclusions.concluded("case-new", CONCLUDED.plus(Duration.ofDays(5)));
        clock.advance(Duration.ofDays(10));
        sweep.sweep();

        // then
        assertThat(conclusions.asked.get(1)).isEqualTo(
                new Instant[] {CONCLUDED.plus(Duration.ofHours(1)).minus(Duration.ofDays(1)),
                        CONCLUDED.plus(Duration.ofDays(10)).plus(Duration.ofHours(1))});
        assertThat(evaluations.events).extracting(PendingEvent::key).containsExactly("case-old", "case-new");
    }

    /** Conclusions as the assignments would answer them. */
    private static final class Conclusions implements ConcludedMatters {

        private final Map<String, Instant> first = new HashMap<>();
        final List<Instant[]> asked = new ArrayList<>();

        void concluded(String caseId, Instant at) {
            first.merge(caseId, at, (a, b) -> a.isBefore(b) ? a : b);
        }

        @Override
        public synchronized List<ConcludedMatter> concludedBetween(Instant after, Instant upTo) {
            asked.add(new Instant[] {after, upTo});
            return first.entrySet().stream()
                    .filter(entry -> entry.getValue().isAfter(after) && !entry.getValue().isAfter(upTo))
                    .map(entry -> new ConcludedMatter(entry.getKey(), entry.getValue()))
                    .sorted(java.util.Comparator.comparing(ConcludedMatter::firstConcludedAt))
                    .toList();
        }
    }

    /** The evaluations documents: an insert fails if the matter already has one, as on Mongo. */
    private static final class Stored implements Evaluations {

        private final Map<String, CaseEvaluations> byCase = new HashMap<>();
        final List<PendingEvent> events = new ArrayList<>();
        final Set<String> broken = ConcurrentHashMap.newKeySet();
        private final PendingEvents pending;

        Stored(PendingEvents pending) {
            this.pending = pending;
        }

        @Override
        public synchronized Optional<CaseEvaluations> forCase(String caseId) {
            if (broken.contains(caseId)) {
                throw new IllegalStateException("cannot read " + caseId);
            }
            return Optional.ofNullable(byCase.get(caseId))
                    .map(found -> CaseEvaluations.restore(new CaseEvaluationsSnapshot(caseId, found.oldestFirst(), found.version())));
        }

        @Override
        public Optional<CaseEvaluations> containing(String evaluationId) {
            return Optional.empty();
        }

        @Override
        public synchronized boolean tryStore(CaseEvaluations evaluations) {
            try {
                store(evaluations);
                return true;
            } catch (ConcurrentModification storedMeanwhile) {
                return false;
            }
        }

        @Override
        public synchronized void store(CaseEvaluations evaluations) {
            CaseEvaluations current = byCase.get(evaluations.caseId());
            long version = current == null ? CaseEvaluations.NEW : current.version();
            if (version != evaluations.version()) {
                throw new ConcurrentModification("evaluations", evaluations.caseId());
            }
            byCase.put(evaluations.caseId(),
                    CaseEvaluations.restore(new CaseEvaluationsSnapshot(evaluations.caseId(), evaluations.oldestFirst(), version + 1)));
            events.addAll(pending.of(evaluations.caseId(), evaluations.recordedEvents()));
        }
    }

    private static final class Progress implements UnratedSweepProgress {

        private Instant swept;

        @Override
        public synchronized Optional<Instant> sweptUpTo() {
            return Optional.ofNullable(swept);
        }

        @Override
        public synchronized void sweptUpTo(Instant upTo) {
            if (swept == null || upTo.isAfter(swept)) {
                swept = upTo;
            }
        }
    }
}
