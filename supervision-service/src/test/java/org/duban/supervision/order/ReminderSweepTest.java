package org.duban.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.supervision.deadline.DeadlineFixtures.ACCEPTANCE_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.ISSUED_AT;
import static org.duban.supervision.deadline.DeadlineFixtures.RESULT_DUE;
import static org.duban.supervision.deadline.DeadlineFixtures.acceptedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.extensionDecidedEvent;
import static org.duban.supervision.deadline.DeadlineFixtures.issuedEvent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.platform.events.EventJson;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.testing.MovableClock;
import org.duban.supervision.deadline.AssignmentReminders;
import org.duban.supervision.deadline.DeadlineFixtures;
import org.duban.supervision.deadline.DeadlineTrackingService;
import org.duban.supervision.deadline.InMemoryTrackedAssignments;
import org.duban.supervision.deadline.OverdueAssignments;
import org.duban.supervision.deadline.TrackedAssignments;
import org.duban.supervision.reminder.AlertPolicy;
import org.duban.supervision.reminder.ReminderSource;
import org.duban.supervision.reminder.ReminderSweep;
import org.junit.jupiter.api.Test;

/**
 * The reminder sweep over in-memory stores with a movable clock: one reminder per deadline and
 * colour, one automatic order per overdue deadline, however often and by how many sweepers it runs.
 */
class ReminderSweepTest {

    private final MovableClock clock = DeadlineFixtures.clockAtIssue();
    private final AlertPolicy policy = DeadlineFixtures.policy();
    private final InMemoryTrackedAssignments assignments = new InMemoryTrackedAssignments(policy);
    private final InMemorySupervisionOrders orders = new InMemorySupervisionOrders(policy);
    private final DeadlineTrackingService tracking = new DeadlineTrackingService(assignments);

    private ReminderSweep sweep(OverduePolicy.Mode mode) {
        return new ReminderSweep(sources(mode), clock, 3);
    }

    private List<ReminderSource> sources(OverduePolicy.Mode mode) {
        AutomaticOrders automatic = new AutomaticOrders(orders,
                new OverduePolicy(mode, OrderForm.LETTER, Duration.ofDays(7)));
        return List.of(new AssignmentReminders(assignments, policy, automatic),
                new OrderReminders(orders, policy));
    }

    @Test
    void anAssignmentGoingGreenYellowRedIsRemindedOnceForEachColourAndGetsOneAutomaticOrder() {
        // given
        ReminderSweep sweep = sweep(OverduePolicy.Mode.AUTO);
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // when: green
        assertThat(sweep.sweep().issued()).isZero();
        // when: yellow, swept twice
        clock.set(ACCEPTANCE_DUE.minus(Duration.ofDays(3)));
        assertThat(sweep.sweep().issued()).isEqualTo(1);
        assertThat(sweep.sweep().issued()).isZero();
        // when: red, swept twice, and later again
        clock.set(ACCEPTANCE_DUE.plusMillis(1));
        assertThat(sweep.sweep().issued()).isEqualTo(1);
        assertThat(sweep.sweep().issued()).isZero();
        clock.advance(Duration.ofDays(2));
        sweep.sweep();

        // then
        List<ReminderIssued> reminders = reminders(assignments.events);
        assertThat(reminders).extracting(ReminderIssued::colour).containsExactly("YELLOW", "RED");
        assertThat(reminders).allSatisfy(reminder -> {
            assertThat(reminder.subjectType()).isEqualTo("ASSIGNMENT");
            assertThat(reminder.subjectId()).isEqualTo("asg-1");
            assertThat(reminder.deadlineKind()).isEqualTo("ACCEPTANCE");
            assertThat(reminder.dueAt()).isEqualTo(ACCEPTANCE_DUE);
            assertThat(reminder.unitId()).isEqualTo("unit-1");
            assertThat(reminder.caseId()).isEqualTo("case-asg-1");
            assertThat(reminder.actor().role()).isEqualTo("SYSTEM");
        });
        List<PendingEvent> opened = orders.eventsOfType(SupervisionOrderOpened.TYPE);
        assertThat(opened).hasSize(1);
        SupervisionOrderOpened order = read(opened.get(0), SupervisionOrderOpened.class);
        assertThat(order.automatic()).isTrue();
        assertThat(order.trigger()).isEqualTo("OVERDUE");
        assertThat(order.assignmentId()).isEqualTo("asg-1");
        assertThat(order.responseDueAt()).isEqualTo(ACCEPTANCE_DUE.plusMillis(1).plus(Duration.ofDays(7)));
        assertThat(orders.all()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.OPEN));
    }

    @Test
    void anExtensionGrantedBeforeTheDeadlineMovesItAndNoOrderIsOpened() {
        // given: accepted, yellow on its result deadline
        ReminderSweep sweep = sweep(OverduePolicy.Mode.AUTO);
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        tracking.apply(acceptedEvent("asg-1", "unit-1", ISSUED_AT.plus(Duration.ofDays(1))));
        clock.set(RESULT_DUE.minus(Duration.ofDays(2)));
        sweep.sweep();
        Instant newDueAt = RESULT_DUE.plus(Duration.ofDays(10));

        // when: the extension is approved before the deadline, and the old deadline passes
        tracking.apply(extensionDecidedEvent("asg-1", "unit-1", 10, true, newDueAt, clock.instant()));
        clock.set(RESULT_DUE.plus(Duration.ofDays(1)));
        sweep.sweep();

        // then: no red, no order
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::colour).containsExactly("YELLOW");
        assertThat(orders.all()).isEmpty();

        // when: the new deadline comes near
        clock.set(newDueAt.minus(Duration.ofDays(3)));
        sweep.sweep();

        // then: its own yellow reminder
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::dueAt)
                .containsExactly(RESULT_DUE, newDueAt);
    }

    @Test
    void aDeadlineFirstSeenAlreadyPastGetsOnlyItsRedReminder() {
        // given
        ReminderSweep sweep = sweep(OverduePolicy.Mode.AUTO);
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // when
        clock.set(ACCEPTANCE_DUE.plus(Duration.ofDays(1)));
        sweep.sweep();

        // then
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::colour).containsExactly("RED");
    }

    @Test
    void underPolicyProposeAnOverdueAssignmentGetsAProposalThatASupervisorConfirms() {
        // given
        ReminderSweep sweep = sweep(OverduePolicy.Mode.PROPOSE);
        tracking.apply(issuedEvent("asg-1", "unit-1"));

        // when
        clock.set(ACCEPTANCE_DUE.plusMillis(1));
        sweep.sweep();
        sweep.sweep();

        // then
        assertThat(orders.eventsOfType(SupervisionOrderProposed.TYPE)).hasSize(1);
        assertThat(orders.eventsOfType(SupervisionOrderOpened.TYPE)).isEmpty();
        SupervisionOrder proposal = orders.all().get(0);
        assertThat(proposal.status()).isEqualTo(OrderStatus.PROPOSED);
        assertThat(proposal.applicableDeadline()).isEmpty();
    }

    @Test
    void aSweepCutShortByACrashLeavesTheRestToTheNextSweepWithNothingLostOrDoubled() {
        // given: seven assignments turning yellow at once
        for (int i = 0; i < 7; i++) {
            tracking.apply(issuedEvent("asg-" + i, "unit-1"));
        }
        clock.set(ACCEPTANCE_DUE.minus(Duration.ofDays(1)));
        AtomicInteger reminded = new AtomicInteger();
        ReminderSource crashing = crashingAfter(sources(OverduePolicy.Mode.AUTO).get(0), 3, reminded);

        // when: the instance dies after three reminders
        assertThatThrownBy(() -> new ReminderSweep(List.of(crashing), clock, 2).sweep())
                .isInstanceOf(InstanceDied.class);
        assertThat(reminders(assignments.events)).hasSize(3);
        // and a restarted instance sweeps, twice
        sweep(OverduePolicy.Mode.AUTO).sweep();
        sweep(OverduePolicy.Mode.AUTO).sweep();

        // then
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::subjectId)
                .containsExactlyInAnyOrder("asg-0", "asg-1", "asg-2", "asg-3", "asg-4", "asg-5", "asg-6");
    }

    @Test
    void aCrashBetweenOpeningTheOrderAndRecordingTheRedReminderOpensNoSecondOrder() {
        // given: the order was stored, then the instance died before the red reminder
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        clock.set(ACCEPTANCE_DUE.plusMillis(1));
        AutomaticOrders automatic = new AutomaticOrders(orders,
                new OverduePolicy(OverduePolicy.Mode.AUTO, OrderForm.LETTER, Duration.ofDays(7)));
        automatic.turnedOverdue(assignments.find("asg-1").orElseThrow(),
                assignments.find("asg-1").orElseThrow().applicableDeadline().orElseThrow(), clock.instant());

        // when: the restarted instance sweeps
        sweep(OverduePolicy.Mode.AUTO).sweep();

        // then
        assertThat(orders.eventsOfType(SupervisionOrderOpened.TYPE)).hasSize(1);
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::colour).containsExactly("RED");
    }

    @Test
    void twoSweepersRacingIssueEachReminderAndEachOrderExactlyOnce() throws Exception {
        // given
        for (int i = 0; i < 40; i++) {
            tracking.apply(issuedEvent("asg-" + i, "unit-" + (i % 3)));
        }
        ReminderSweep first = sweep(OverduePolicy.Mode.AUTO);
        ReminderSweep second = sweep(OverduePolicy.Mode.AUTO);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // when: both sweep at yellow, then at red
            clock.set(ACCEPTANCE_DUE.minus(Duration.ofHours(1)));
            race(pool, first, second);
            clock.set(ACCEPTANCE_DUE.plus(Duration.ofHours(1)));
            race(pool, first, second);
            race(pool, first, second);
        } finally {
            pool.shutdownNow();
        }

        // then
        List<ReminderIssued> reminders = reminders(assignments.events);
        assertThat(reminders).hasSize(80);
        assertThat(reminders.stream().map(r -> r.subjectId() + "/" + r.colour()).distinct()).hasSize(80);
        assertThat(orders.eventsOfType(SupervisionOrderOpened.TYPE)).hasSize(40);
        assertThat(orders.all()).hasSize(40);
    }

    @Test
    void anOpenOrdersResponseDeadlineIsRemindedOnceYellowAndOnceRedAndNotAfterTheResponse() {
        // given
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        SupervisionOrder opened = SupervisionOrder.open("ord-1", assignments.find("asg-1").orElseThrow(),
                OrderTrigger.DELAYING, OrderForm.PHONE, null, ISSUED_AT.plus(Duration.ofDays(5)), false, ISSUED_AT,
                DeadlineFixtures.supervisorActor());
        orders.insert(opened);
        ReminderSweep sweep = sweep(OverduePolicy.Mode.AUTO);

        // when
        clock.set(ISSUED_AT.plus(Duration.ofDays(3)));
        sweep.sweep();
        sweep.sweep();
        clock.set(ISSUED_AT.plus(Duration.ofDays(6)));
        sweep.sweep();
        SupervisionOrder order = orders.find("ord-1").orElseThrow();
        order.respond("done", clock.instant(), DeadlineFixtures.unitActor("unit-1"));
        orders.update(order);
        clock.advance(Duration.ofDays(3));
        sweep.sweep();

        // then
        List<ReminderIssued> reminders = reminders(orders.events);
        assertThat(reminders).extracting(ReminderIssued::colour).containsExactly("YELLOW", "RED");
        assertThat(reminders).allSatisfy(reminder -> {
            assertThat(reminder.subjectType()).isEqualTo("SUPERVISION_ORDER");
            assertThat(reminder.deadlineKind()).isEqualTo("RESPONSE");
            assertThat(reminder.assignmentId()).isEqualTo("asg-1");
        });
        assertThat(orders.find("ord-1").orElseThrow().response().late()).isTrue();
    }

    private static void race(ExecutorService pool, ReminderSweep first, ReminderSweep second) throws Exception {
        List<Callable<ReminderSweep.Result>> both = List.of(first::sweep, second::sweep);
        for (Future<ReminderSweep.Result> result : pool.invokeAll(both)) {
            result.get();
        }
    }

    @Test
    void aSubjectWhoseReminderKeepsFailingIsCountedAndLeftDueWhileEveryOtherSubjectIsReminded() {
        // given: five assignments turning yellow; the store cannot read the first of them, nor one order
        for (int i = 0; i < 5; i++) {
            tracking.apply(issuedEvent("asg-" + i, "unit-1"));
        }
        SupervisionOrder opened = SupervisionOrder.open("ord-1", assignments.find("asg-1").orElseThrow(),
                OrderTrigger.DELAYING, OrderForm.PHONE, null, ACCEPTANCE_DUE, false, ISSUED_AT,
                DeadlineFixtures.supervisorActor());
        orders.insert(opened);
        SupervisionOrder other = SupervisionOrder.open("ord-2", assignments.find("asg-2").orElseThrow(),
                OrderTrigger.DELAYING, OrderForm.PHONE, null, ACCEPTANCE_DUE, false, ISSUED_AT,
                DeadlineFixtures.supervisorActor());
        orders.insert(other);
        Set<String> broken = ConcurrentHashMap.newKeySet();
        broken.addAll(List.of("asg-0", "ord-1"));
        List<String> failures = new ArrayList<>();
        // a batch of one: the failing subject stays at the head of the work list
        ReminderSweep sweep = new ReminderSweep(List.of(
                new AssignmentReminders(failingFor(TrackedAssignments.class, assignments, broken), policy,
                        OverdueAssignments.NONE),
                new OrderReminders(failingFor(SupervisionOrders.class, orders, broken), policy)),
                clock, 1, (kind, id, failure) -> failures.add(kind + "/" + id));
        clock.set(ACCEPTANCE_DUE.minus(Duration.ofDays(1)));

        // when
        ReminderSweep.Result result = sweep.sweep();

        // then: everyone else is reminded, the two failures are counted by kind
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::subjectId)
                .containsExactlyInAnyOrder("asg-1", "asg-2", "asg-3", "asg-4");
        assertThat(reminders(orders.events)).extracting(ReminderIssued::subjectId).containsExactly("ord-2");
        assertThat(failures).containsExactly("ASSIGNMENT/asg-0", "SUPERVISION_ORDER/ord-1");
        assertThat(result.issued()).isEqualTo(5);
        assertThat(result.failed()).isEqualTo(2);

        // when: the next sweep, still failing, then after the store recovers
        sweep.sweep();
        broken.clear();
        ReminderSweep.Result recovered = sweep.sweep();

        // then: tried again each sweep, reminded once it works, and nobody twice
        assertThat(failures).hasSize(4);
        assertThat(recovered.issued()).isEqualTo(2);
        assertThat(recovered.failed()).isZero();
        assertThat(reminders(assignments.events)).extracting(ReminderIssued::subjectId)
                .containsExactlyInAnyOrder("asg-0", "asg-1", "asg-2", "asg-3", "asg-4");
        assertThat(reminders(orders.events)).extracting(ReminderIssued::subjectId)
                .containsExactlyInAnyOrder("ord-1", "ord-2");
    }

    @Test
    void aSourceWhoseWorkListCannotBeReadDoesNotStopTheOtherSources() {
        // given: an order due for its yellow reminder; the assignments' store is down
        tracking.apply(issuedEvent("asg-1", "unit-1"));
        SupervisionOrder opened = SupervisionOrder.open("ord-1", assignments.find("asg-1").orElseThrow(),
                OrderTrigger.DELAYING, OrderForm.PHONE, null, ISSUED_AT.plus(Duration.ofDays(5)), false, ISSUED_AT,
                DeadlineFixtures.supervisorActor());
        orders.insert(opened);
        ReminderSource down = new ReminderSource() {
            @Override
            public String subjectType() {
                return AssignmentReminders.SUBJECT_TYPE;
            }

            @Override
            public List<String> dueForReminder(Instant now, int limit) {
                throw new IllegalStateException("the store is unreachable");
            }

            @Override
            public int remind(String id, Instant now) {
                throw new AssertionError("nothing to remind");
            }
        };
        List<String> failures = new ArrayList<>();
        clock.set(ISSUED_AT.plus(Duration.ofDays(3)));

        // when
        ReminderSweep.Result result = new ReminderSweep(List.of(down, new OrderReminders(orders, policy)),
                clock, 3, (kind, id, failure) -> failures.add(kind + "/" + id)).sweep();

        // then
        assertThat(reminders(orders.events)).extracting(ReminderIssued::subjectId).containsExactly("ord-1");
        assertThat(failures).containsExactly("ASSIGNMENT/null");
        assertThat(result.failed()).isEqualTo(1);
    }

    /**
     * The store {@code delegate}, whose reads of the subjects named in {@code broken} fail, as when
     * their documents cannot be read (a corrupt document, a mapping that throws).
     */
    @SuppressWarnings("unchecked")
    static <S> S failingFor(Class<S> port, S delegate, Set<String> broken) {
        return (S) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getName().equals("find") && args != null && broken.contains(args[0])) {
                throw new IllegalStateException("cannot read " + args[0]);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** What the tests throw to stand for an instance dying in the middle of a sweep. */
    static final class InstanceDied extends Error {
        InstanceDied() {
            super("the instance died");
        }
    }

    private static ReminderSource crashingAfter(ReminderSource source, int reminders, AtomicInteger count) {
        return new ReminderSource() {
            @Override
            public String subjectType() {
                return source.subjectType();
            }

            @Override
            public List<String> dueForReminder(Instant now, int limit) {
                return source.dueForReminder(now, limit);
            }

            @Override
            public int remind(String id, Instant now) {
                if (count.get() == reminders) {
                    throw new InstanceDied();
                }
                int issued = source.remind(id, now);
                count.addAndGet(issued);
                return issued;
            }
        };
    }

    static List<ReminderIssued> reminders(List<PendingEvent> events) {
        List<ReminderIssued> reminders = new ArrayList<>();
        for (PendingEvent event : List.copyOf(events)) {
            if (event.type().equals(ReminderIssued.TYPE)) {
                reminders.add(read(event, ReminderIssued.class));
            }
        }
        return reminders;
    }

    static <T extends org.duban.contracts.events.DubanEvent> T read(PendingEvent event, Class<T> type) {
        return EventJson.read(event.data().getBytes(StandardCharsets.UTF_8), type);
    }
}
