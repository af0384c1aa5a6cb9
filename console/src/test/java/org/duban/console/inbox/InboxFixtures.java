package org.duban.console.inbox;

import java.util.List;

import org.duban.client.notification.model.InboxMessage;
import org.duban.client.notification.model.InboxPage;
import org.duban.client.notification.model.PageInfo;
import org.duban.console.ConsoleFixtures;

/** The office inbox as notification-service answers it: messages to {@code office}, naming units by id. */
final class InboxFixtures {

    private InboxFixtures() {
    }

    /** 城关 handed in its final report; nobody has acknowledged it yet. */
    static InboxMessage finalReport() {
        return new InboxMessage().id("msg-1").unitId("office").eventType("duban.assignment.final-report-submitted.v1")
                .caseId("case-1").assignmentId("asg-1").title("办结报告待审核：asg-1")
                .body("责任单位 unit-cg 于 2026-12-02 提交了交办事项 asg-1（信访事项 case-1）的办结报告，请审核。")
                .createdAt(ConsoleFixtures.NOW.minusHours(3)).read(false);
    }

    /** 教育局 asked for an extension; a supervisor has acknowledged it. */
    static InboxMessage extensionRequest() {
        return new InboxMessage().id("msg-2").unitId("office").eventType("duban.assignment.extension-requested.v1")
                .caseId("case-2").assignmentId("asg-2").title("延期申请：asg-2")
                .body("责任单位 unit-jy 申请延期 10 天，请审批。")
                .createdAt(ConsoleFixtures.NOW.minusDays(1)).read(true)
                .acknowledgedAt(ConsoleFixtures.NOW.minusHours(20)).acknowledgedBy("zhang.wei");
    }

    /** A recommendation answered by an addressee outside the registry: no unit, no assignment. */
    static InboxMessage recommendationAnswered() {
        return new InboxMessage().id("msg-3").unitId("office").eventType("duban.recommendation.answered.v1")
                .caseId("case-3").title("建议已回复：rec-1").body("受建议单位于 2026-12-01 书面回复：采纳。")
                .createdAt(ConsoleFixtures.NOW.minusDays(2)).read(false);
    }

    static InboxPage page(List<InboxMessage> messages, long unread, int page, int totalPages, long total) {
        return new InboxPage().items(messages).unread(unread)
                .page(new PageInfo().page(page).size(20).totalElements(total).totalPages(totalPages));
    }
}
