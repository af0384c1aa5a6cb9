package org.duban.reporting.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderDismissed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.contracts.events.SupervisionOrderResponded;
import org.duban.contracts.events.Topics;
import org.duban.contracts.events.UnitRegistered;

/**
 * The office's 2023 as events (the reference report's year): 149 assignments (交办), 62 of them
 * prominent of which 57 concluded resolved, 25 supervision orders, 7 improvement recommendations, 1
 * written self-review, 6 interviews, 116 matters evaluated (5 of them twice: the later rating replaces
 * the earlier) of which 113 satisfied or basically satisfied — plus transfers, send-backs, an
 * objection, reminders, deliveries and events on both sides of the year that must not count.
 * Deterministic: the same list every time.
 */
public final class YearOfEvents {

    public static final int YEAR = 2023;
    public static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    public static final int ASSIGNMENTS = 149;
    public static final int PROMINENT = 62;
    public static final int PROMINENT_RESOLVED = 57;
    public static final int EVALUATED = 116;
    public static final int TRANSFERS = 12;
    public static final List<String> UNITS = List.of("unit-chengguan", "unit-xinhua", "unit-hongqi", "unit-beiyuan",
            "unit-housing", "unit-hrss", "unit-natural-resources", "unit-education");
    private static final List<String> UNIT_NAMES = List.of("城关街道", "新华街道", "红旗镇", "北苑街道", "区住建局",
            "区人社局", "区自然资源局", "区教育局");
    private static final List<String> CATEGORIES = List.of("LABOR_SOCIAL_SECURITY", "REAL_ESTATE", "LAND_ACQUISITION",
            "URBAN_RURAL_CONSTRUCTION", "AGRICULTURE_RURAL", "ECOLOGY_ENVIRONMENT", "EDUCATION", "HEALTH",
            "PUBLIC_SECURITY_JUSTICE", "OTHER");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);
    private static final Actor SYSTEM = Actor.system("deadline-watch");

    private final List<Timed> intake = new ArrayList<>();
    private final List<Timed> supervision = new ArrayList<>();
    private final List<Timed> notification = new ArrayList<>();

    private record Timed(Instant at, int sequence, DubanEvent event) {
    }

    private YearOfEvents() {
    }

    /** Every event, intake's first, then supervision's, then notification's; each topic in time order. */
    public static List<DubanEvent> all() {
        YearOfEvents year = new YearOfEvents();
        year.generate();
        List<DubanEvent> events = new ArrayList<>();
        for (List<Timed> topic : List.of(year.intake, year.supervision, year.notification)) {
            topic.sort(Comparator.comparing(Timed::at).thenComparing(Timed::sequence));
            topic.forEach(timed -> events.add(timed.event()));
        }
        return events;
    }

    /** Only the events of one topic, in order. */
    public static List<DubanEvent> of(String topic) {
        return all().stream().filter(event -> topicOf(event).equals(topic)).toList();
    }

    public static String topicOf(DubanEvent event) {
        return org.duban.contracts.events.EventCatalog.of(event).topic();
    }

    public static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(OFFICE).toInstant();
    }

    private void generate() {
        Instant start = at(LocalDate.of(YEAR, 1, 2), 8, 0);
        for (int u = 0; u < UNITS.size(); u++) {
            add(intake, new UnitRegistered(UNITS.get(u), "U" + u, UNIT_NAMES.get(u), u < 4 ? "SUB_DISTRICT" : "DEPARTMENT",
                    List.of(), start.minus(Duration.ofDays(30)), SUPERVISOR));
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, ASSIGNMENTS).boxed().toList());
        Collections.shuffle(order, new Random(YEAR));
        Set<Integer> prominent = Set.copyOf(order.subList(0, PROMINENT));
        Set<Integer> prominentUnresolved = Set.copyOf(order.subList(PROMINENT_RESOLVED, PROMINENT));
        for (int i = 0; i < ASSIGNMENTS; i++) {
            boolean resolved = prominent.contains(i) ? !prominentUnresolved.contains(i) : i % 10 != 7;
            matter(i, prominent.contains(i), resolved);
        }
        for (int t = 0; t < TRANSFERS; t++) {
            transfer(t);
        }
        supervision();
        outsideTheYear();
    }

    private void matter(int i, boolean prominent, boolean resolved) {
        String caseId = "case-2023-" + i;
        String assignmentId = "asg-2023-" + i;
        String unit = UNITS.get(i % UNITS.size());
        Actor unitActor = new Actor("clerk-" + (i % UNITS.size()), "UNIT", unit);
        LocalDate day = LocalDate.of(YEAR, 1, 3).plusDays(i * 270L / ASSIGNMENTS);
        Instant registered = at(day, 9, i % 50);
        Instant issued = registered.plus(Duration.ofHours(1));
        String category = CATEGORIES.get(i % CATEGORIES.size());
        add(intake, new CaseRegistered(caseId, "LETTER", i % 3 == 0 ? "CITY" : "SELF", category, prominent, false,
                List.of(), i % 17 != 3, registered, SUPERVISOR));
        add(intake, new AssignmentIssued(assignmentId, caseId, unit, "ASSIGN", category, prominent, issued,
                issued.plus(Duration.ofDays(15)), issued.plus(Duration.ofDays(60)), SUPERVISOR));
        add(notification, new NotificationDelivered("dlv-" + i, "INBOX", unit, caseId, "evt-" + i,
                AssignmentIssued.TYPE, 1, issued.plusSeconds(5), Actor.system("inbox")));
        if (i % 2 == 0) {
            add(notification, new NotificationAcknowledged("msg-" + i, unit, caseId, "evt-" + i, AssignmentIssued.TYPE,
                    issued.plusSeconds(5), issued.plus(Duration.ofHours(3)), unitActor));
        }
        if (i == 5) {
            add(intake, new AssignmentObjected(assignmentId, caseId, unit, issued.plus(Duration.ofHours(2)), unitActor));
            add(intake, new AssignmentObjectionDecided(assignmentId, caseId, unit, false, null,
                    issued.plus(Duration.ofHours(20)), SUPERVISOR));
        }
        boolean late = i % 15 == 4;
        Instant accepted = issued.plus(Duration.ofDays(late ? 17 : 2));
        if (late) {
            add(supervision, new ReminderIssued("rem-" + i, "ASSIGNMENT", assignmentId, "ACCEPTANCE", "RED",
                    issued.plus(Duration.ofDays(15)), caseId, assignmentId, unit, issued.plus(Duration.ofDays(15)), SYSTEM));
        }
        add(intake, new AssignmentAccepted(assignmentId, caseId, unit, accepted, accepted, !late, unitActor));
        boolean onTime = i % 9 != 8;
        Instant reported = issued.plus(Duration.ofDays(onTime ? 28 : 68));
        if (i % 20 == 10) {
            Instant first = reported.minus(Duration.ofDays(6));
            add(intake, new AssignmentFinalReportSubmitted(assignmentId, caseId, unit, "ASSIGN", "SOLVED", resolved,
                    first, first, issued.plus(Duration.ofDays(60)), true, unitActor));
            add(intake, new AssignmentReviewed(assignmentId, caseId, unit, "SEND_BACK", issued.plus(Duration.ofDays(60)),
                    1, first.plus(Duration.ofDays(1)), SUPERVISOR));
        }
        add(intake, new AssignmentFinalReportSubmitted(assignmentId, caseId, unit, "ASSIGN", "SOLVED", resolved, reported,
                reported, issued.plus(Duration.ofDays(60)), onTime, unitActor));
        Instant concluded = reported.plus(Duration.ofDays(2));
        add(intake, new AssignmentReviewed(assignmentId, caseId, unit, "APPROVE", null, i % 20 == 10 ? 1 : 0, concluded,
                SUPERVISOR));
        add(intake, new AssignmentConcluded(assignmentId, caseId, unit, "ASSIGN", resolved, onTime, concluded, SUPERVISOR));
        if (i < EVALUATED) {
            evaluations(i, caseId, concluded.plus(Duration.ofDays(3)));
        }
        if (i == 30 || i == 31 || i == 32) {
            // repeat petitions: two within the 90-day window after the conclusion, one long after it
            Instant repeat = concluded.plus(Duration.ofDays(i == 32 ? 200 : 20));
            add(intake, new CaseRegistered("case-repeat-" + i, "VISIT", "SELF", category, false, false, List.of(), false,
                    repeat, SUPERVISOR, false, false, caseId));
        }
    }

    /** 113 of 116 satisfied or basically satisfied; five matters rated twice, the later rating counting. */
    private void evaluations(int i, String caseId, Instant recorded) {
        String first = i == 0 || i == 20 ? "SATISFIED" : "DISSATISFIED";
        String last = i <= 2 ? "DISSATISFIED" : i % 4 == 0 ? "BASICALLY_SATISFIED" : "SATISFIED";
        boolean twice = i == 0 || i == 20 || (i >= 10 && i <= 13);
        String id = "eva-" + i;
        if (twice) {
            add(intake, new EvaluationRecorded(caseId, id + "-a", first, null, "PUBLIC", recorded, Actor.petitioner()));
            add(intake, new EvaluationRecorded(caseId, id, last, id + "-a", "PUBLIC", recorded.plus(Duration.ofDays(1)),
                    Actor.petitioner()));
        } else {
            add(intake, new EvaluationRecorded(caseId, id, last, null, i % 2 == 0 ? "PUBLIC" : "SUPERVISOR", recorded,
                    i % 2 == 0 ? Actor.petitioner() : SUPERVISOR));
        }
    }

    private void transfer(int t) {
        String caseId = "case-2023-t" + t;
        String assignmentId = "trf-2023-" + t;
        String unit = UNITS.get((t * 3) % UNITS.size());
        Instant issued = at(LocalDate.of(YEAR, 2, 1).plusDays(t * 20L), 14, 0);
        String category = CATEGORIES.get((t * 7) % CATEGORIES.size());
        add(intake, new CaseRegistered(caseId, "ONLINE", "SELF", category, false, false, List.of(), true,
                issued.minus(Duration.ofHours(1)), SUPERVISOR));
        add(intake, new AssignmentIssued(assignmentId, caseId, unit, "TRANSFER", category, false, issued,
                issued.plus(Duration.ofDays(15)), issued.plus(Duration.ofDays(60)), SUPERVISOR));
        Instant concluded = issued.plus(Duration.ofDays(25));
        add(intake, new AssignmentConcluded(assignmentId, caseId, unit, "TRANSFER", true, true, concluded,
                new Actor("clerk", "UNIT", unit)));
    }

    private void supervision() {
        for (int s = 0; s < 25; s++) {
            int i = s * 6;
            String unit = UNITS.get(i % UNITS.size());
            Instant opened = at(LocalDate.of(YEAR, 1, 3).plusDays(i * 270L / ASSIGNMENTS), 10, 0).plus(Duration.ofDays(16));
            add(supervision, new SupervisionOrderOpened("sup-" + s, "asg-2023-" + i, "case-2023-" + i, unit,
                    s % 3 == 0 ? "OVERDUE" : "DELAYING", s % 2 == 0 ? "LETTER" : "PHONE", s % 3 == 0,
                    opened.plus(Duration.ofDays(7)), opened, s % 3 == 0 ? SYSTEM : SUPERVISOR));
            add(supervision, new SupervisionOrderResponded("sup-" + s, "asg-2023-" + i, "case-2023-" + i, unit, false,
                    opened.plus(Duration.ofDays(5)), new Actor("clerk", "UNIT", unit)));
            add(supervision, new SupervisionOrderClosed("sup-" + s, "asg-2023-" + i, "case-2023-" + i, unit,
                    opened.plus(Duration.ofDays(6)), SUPERVISOR));
        }
        Instant proposed = at(LocalDate.of(YEAR, 6, 1), 9, 0);
        add(supervision, new SupervisionOrderProposed("sup-dismissed", "asg-2023-77", "case-2023-77", UNITS.get(5),
                "OVERDUE", proposed, SYSTEM));
        add(supervision, new SupervisionOrderDismissed("sup-dismissed", "asg-2023-77", "case-2023-77", UNITS.get(5),
                proposed.plus(Duration.ofHours(3)), SUPERVISOR));
        for (int r = 0; r < 7; r++) {
            String unit = UNITS.get(r);
            Instant issued = at(LocalDate.of(YEAR, 3, 1).plusDays(r * 30L), 15, 0);
            add(supervision, new RecommendationIssued("rec-" + r, "IMPROVE_WORK", unit, null, "asg-2023-" + (r * 20),
                    "case-2023-" + (r * 20), issued.plus(Duration.ofDays(30)), issued, SUPERVISOR));
            if (r < 6) {
                add(supervision, new RecommendationAnswered("rec-" + r, "IMPROVE_WORK", unit, "case-2023-" + (r * 20),
                        r < 5, false, issued.plus(Duration.ofDays(20)), new Actor("head", "UNIT", unit)));
            }
        }
        Instant review = at(LocalDate.of(YEAR, 5, 10), 10, 0);
        add(supervision, new MeasureIssued("mea-review", "WRITTEN_SELF_REVIEW", UNITS.get(2), "asg-2023-2", "case-2023-2",
                "sup-0", review.plus(Duration.ofDays(10)), null, review, SUPERVISOR));
        add(supervision, new MeasureSubmitted("mea-review", "WRITTEN_SELF_REVIEW", UNITS.get(2), "case-2023-2", false,
                review.plus(Duration.ofDays(8)), new Actor("head", "UNIT", UNITS.get(2))));
        for (int m = 0; m < 6; m++) {
            String unit = UNITS.get((m * 5) % UNITS.size());
            Instant issued = at(LocalDate.of(YEAR, 4, 3).plusDays(m * 35L), 11, 0);
            String caseId = m % 2 == 0 ? "case-2023-" + (m * 10) : null;
            add(supervision, new MeasureIssued("mea-interview-" + m, "INTERVIEW", unit, null, caseId, null, null,
                    issued.plus(Duration.ofDays(5)), issued, SUPERVISOR));
            add(supervision, new MeasureRecorded("mea-interview-" + m, "INTERVIEW", unit, caseId,
                    issued.plus(Duration.ofDays(5)), issued.plus(Duration.ofDays(6)), SUPERVISOR));
        }
    }

    /** Facts just before and just after the year, in office time: none of them counts in 2023. */
    private void outsideTheYear() {
        Instant newYearsEve = at(LocalDate.of(YEAR - 1, 12, 31), 23, 30);
        Instant newYearsDay = at(LocalDate.of(YEAR + 1, 1, 1), 0, 30);
        int n = 0;
        for (Instant issued : List.of(newYearsEve, newYearsDay)) {
            String caseId = "case-outside-" + n;
            add(intake, new CaseRegistered(caseId, "PHONE", "SELF", "OTHER", true, false, List.of(), true,
                    issued.minusSeconds(60), SUPERVISOR));
            add(intake, new AssignmentIssued("asg-outside-" + n, caseId, UNITS.get(n), "ASSIGN", "OTHER", true, issued,
                    issued.plus(Duration.ofDays(15)), issued.plus(Duration.ofDays(60)), SUPERVISOR));
            add(supervision, new SupervisionOrderOpened("sup-outside-" + n, "asg-outside-" + n, caseId, UNITS.get(n),
                    "OTHER", "PHONE", false, issued.plus(Duration.ofDays(3)), issued, SUPERVISOR));
            add(supervision, new MeasureIssued("mea-outside-" + n, "INTERVIEW", UNITS.get(n), null, caseId, null, null,
                    issued, issued, SUPERVISOR));
            n++;
        }
    }

    private void add(List<Timed> topic, DubanEvent event) {
        topic.add(new Timed(timeOf(event), topic.size(), event));
    }

    private static Instant timeOf(DubanEvent event) {
        for (var component : event.getClass().getRecordComponents()) {
            if (component.getType() == Instant.class && component.getName().endsWith("At")
                    && !component.getName().startsWith("due") && !component.getName().contains("Due")
                    && !component.getName().equals("scheduledAt") && !component.getName().equals("noticeSentAt")) {
                try {
                    Object value = component.getAccessor().invoke(event);
                    if (value != null) {
                        return (Instant) value;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no time in " + event);
    }

    static boolean isIntake(DubanEvent event) {
        return topicOf(event).equals(Topics.INTAKE);
    }
}
