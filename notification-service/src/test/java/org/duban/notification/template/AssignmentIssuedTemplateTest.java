package org.duban.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentIssued;
import org.junit.jupiter.api.Test;

class AssignmentIssuedTemplateTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    private static final Actor SUPERVISOR = new Actor("zhang.wei", "SUPERVISOR", null);

    private final AssignmentIssuedTemplate template = new AssignmentIssuedTemplate(OFFICE);

    @Test
    void titlesAnAssignmentWithItsMatter() {
        // given
        AssignmentIssued issued = issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false);

        // when
        RenderedMessage message = template.render(issued);

        // then
        assertThat(message.title()).isEqualTo("新交办事项：case-1");
        assertThat(message.body()).contains("交办").contains("case-1").contains("asg-1").doesNotContain("转送");
    }

    @Test
    void showsDeadlinesInTheOfficeTimeZoneToTheMinute() {
        // given: 16:00 UTC is already the next day, midnight, in Shanghai
        AssignmentIssued issued = issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:59Z", false);

        // when
        RenderedMessage message = template.render(issued);

        // then
        assertThat(message.body())
                .contains("请于 2026-03-17 00:00 前签收")
                .contains("请于 2026-05-01 09:30 前办结并报送办结报告")
                .doesNotContain("16:00");
    }

    @Test
    void saysTransferAndItsHandlingDeadlineForATransfer() {
        // given
        AssignmentIssued issued = issued("TRANSFER", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false);

        // when
        RenderedMessage message = template.render(issued);

        // then
        assertThat(message.title()).isEqualTo("新转送事项：case-1");
        assertThat(message.body()).contains("转送").contains("办理期限至 2026-05-01 09:30")
                .doesNotContain("办结报告");
    }

    @Test
    void marksAProminentMatter() {
        // when
        RenderedMessage message = template.render(issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", true));

        // then
        assertThat(message.body()).contains("突出信访问题");
    }

    @Test
    void rendersOnlyEventTypesThatHaveATemplate() {
        // given
        MessageTemplates templates = new MessageTemplates(List.of(template));
        AssignmentAccepted accepted = new AssignmentAccepted("asg-1", "case-1", "unit-1", Instant.EPOCH, Instant.EPOCH,
                true, new Actor("li.na", "UNIT", "unit-1"));

        // when / then
        assertThat(templates.render(issued("ASSIGN", "2026-03-16T16:00:00Z", "2026-05-01T01:30:00Z", false)))
                .map(RenderedMessage::title).contains("新交办事项：case-1");
        assertThat(templates.render(accepted)).isEmpty();
    }

    private static AssignmentIssued issued(String kind, String acceptanceDueAt, String dueAt, boolean prominent) {
        return new AssignmentIssued("asg-1", "case-1", "unit-1", kind, "REAL_ESTATE", prominent,
                Instant.parse("2026-03-02T01:30:00Z"), Instant.parse(acceptanceDueAt), Instant.parse(dueAt), SUPERVISOR);
    }
}
