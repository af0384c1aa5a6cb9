package org.duban.intake.assignment.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.duban.intake.assignment.Assignment;
import org.duban.intake.assignment.AssignmentKind;
import org.duban.intake.assignment.AssignmentSnapshot;
import org.duban.intake.assignment.AssignmentSnapshot.Acceptance;
import org.duban.intake.assignment.AssignmentSnapshot.Closing;
import org.duban.intake.assignment.AssignmentSnapshot.Review;
import org.duban.intake.assignment.AssignmentSnapshot.Schedule;
import org.duban.intake.assignment.AssignmentStatus;
import org.duban.intake.assignment.DeadlineKind;
import org.duban.intake.assignment.Extension;
import org.duban.intake.assignment.FinalReport;
import org.duban.intake.assignment.Objection;
import org.duban.intake.assignment.ProgressNote;
import org.duban.platform.outbox.AggregateWriter;
import org.junit.jupiter.api.Test;

/** Every field of an assignment survives the explicit mapping to its document and back. */
class MongoAssignmentsMappingTest {

    private static final Instant T = Instant.parse("2024-03-01T02:00:00Z");

    @Test
    void anAssignmentWithEveryFieldSetComesBackAsItWasStored() {
        // given
        AssignmentSnapshot full = new AssignmentSnapshot("asg-1", "case-1", "unit-1", AssignmentKind.ASSIGN,
                AssignmentStatus.ACCEPTED, "请于期限内办结", new Schedule(T, T.plusSeconds(15 * 86_400),
                        T.plusSeconds(5 * 86_400), T.plusSeconds(70 * 86_400), Set.of()),
                new Acceptance(T.plusSeconds(3_600), T.plusSeconds(1_800)),
                new Objection("不属本单位", T.plusSeconds(600), false, T.plusSeconds(1_200), null),
                List.of(new ProgressNote("note-1", "已约谈信访人", T.plusSeconds(7_200))),
                List.of(new Extension("ext-1", 10, "需协调多部门", T.plusSeconds(8_000), Extension.Status.APPROVED, "同意",
                        T.plusSeconds(9_000)),
                        new Extension("ext-2", 5, "再协调", T.plusSeconds(9_500), Extension.Status.PENDING, null, null)),
                new FinalReport(FinalReport.Outcome.LEGALLY_HANDLED, false, "依法处理", T.plusSeconds(10_000),
                        T.plusSeconds(10_500), true),
                new Review(2, "答复不到位"), new Closing(T.plusSeconds(11_000), "重复交办"), 7);

        // when
        Document document = MongoAssignments.toDocument(Assignment.restore(full))
                .append(AggregateWriter.VERSION, 7L);
        AssignmentSnapshot read = MongoAssignments.fromDocument(document).snapshot();

        // then
        assertThat(read).isEqualTo(full);
    }

    @Test
    void provisionalDeadlinesAreStoredFlaggedForTheRecountAndComeBack() {
        // given
        AssignmentSnapshot provisional = new AssignmentSnapshot("asg-2", "case-1", "unit-1", AssignmentKind.ASSIGN,
                AssignmentStatus.ASSIGNED, null, new Schedule(T, T.plusSeconds(15 * 86_400), T.plusSeconds(5 * 86_400),
                        T.plusSeconds(84 * 86_400), Set.of(DeadlineKind.RESULT, DeadlineKind.OBJECTION)),
                Acceptance.NONE, null, List.of(), List.of(), null, Review.NONE, Closing.NONE, 1);

        // when
        Document document = MongoAssignments.toDocument(Assignment.restore(provisional))
                .append(AggregateWriter.VERSION, 1L);

        // then
        assertThat(document.getBoolean("deadlineProvisional")).isTrue();
        assertThat(document.getList("provisionalDeadlines", String.class)).containsExactly("RESULT", "OBJECTION"); // in the order of the deadlines
        assertThat(MongoAssignments.fromDocument(document).snapshot()).isEqualTo(provisional);
    }

    @Test
    void anAssignmentWithoutProvisionalDeadlinesSaysSoExplicitlySoThatAnUpdateClearsTheFlag() {
        // when: every update sets the fields it is given, so false and empty must be written
        Document document = MongoAssignments.toDocument(Assignment.restore(new AssignmentSnapshot("asg-3", "case-1",
                "unit-1", AssignmentKind.ASSIGN, AssignmentStatus.ASSIGNED, null, new Schedule(T,
                        T.plusSeconds(15 * 86_400), T.plusSeconds(5 * 86_400), T.plusSeconds(60 * 86_400), Set.of()),
                Acceptance.NONE, null, List.of(), List.of(), null, Review.NONE, Closing.NONE, 1)));

        // then
        assertThat(document.getBoolean("deadlineProvisional")).isFalse();
        assertThat(document.getList("provisionalDeadlines", String.class)).isEmpty();
    }

    @Test
    void anAssignmentStoredBeforeObjectionsExistedGetsTheAcceptanceDeadlineAsItsObjectionWindow() {
        // given
        Document old = new Document("_id", "asg-0").append("caseId", "case-0").append("unitId", "unit-0")
                .append("kind", "TRANSFER").append("status", "ASSIGNED")
                .append("issuedAt", java.util.Date.from(T))
                .append("acceptanceDueAt", java.util.Date.from(T.plusSeconds(15 * 86_400)))
                .append("dueAt", java.util.Date.from(T.plusSeconds(60 * 86_400)))
                .append(AggregateWriter.VERSION, 3L);

        // when
        AssignmentSnapshot read = MongoAssignments.fromDocument(old).snapshot();

        // then
        assertThat(read.objectionDueAt()).isEqualTo(T.plusSeconds(15 * 86_400));
        assertThat(read.progress()).isEmpty();
        assertThat(read.extensions()).isEmpty();
        assertThat(read.sendBacks()).isZero();
        assertThat(read.version()).isEqualTo(3);
    }
}
