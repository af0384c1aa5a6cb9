package org.duban.reporting.timeline;

import java.time.Instant;
import java.util.Optional;

import org.duban.contracts.events.Actor;
import org.duban.contracts.events.AssignmentAccepted;
import org.duban.contracts.events.AssignmentCancelled;
import org.duban.contracts.events.AssignmentConcluded;
import org.duban.contracts.events.AssignmentDeadlineRecomputed;
import org.duban.contracts.events.AssignmentExtensionDecided;
import org.duban.contracts.events.AssignmentExtensionRequested;
import org.duban.contracts.events.AssignmentFinalReportSubmitted;
import org.duban.contracts.events.AssignmentIssued;
import org.duban.contracts.events.AssignmentObjected;
import org.duban.contracts.events.AssignmentObjectionDecided;
import org.duban.contracts.events.AssignmentProgressReported;
import org.duban.contracts.events.AssignmentReviewed;
import org.duban.contracts.events.CaseQueryCodeReissued;
import org.duban.contracts.events.CaseRegistered;
import org.duban.contracts.events.DubanEvent;
import org.duban.contracts.events.EvaluationRecorded;
import org.duban.contracts.events.LawyerParticipationRecorded;
import org.duban.contracts.events.EventCatalog;
import org.duban.contracts.events.MeasureIssued;
import org.duban.contracts.events.MeasureRecorded;
import org.duban.contracts.events.MeasureSubmitted;
import org.duban.contracts.events.NotificationAcknowledged;
import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.contracts.events.RecommendationAnswered;
import org.duban.contracts.events.RecommendationIssued;
import org.duban.contracts.events.ReminderIssued;
import org.duban.contracts.events.SupervisionOrderClosed;
import org.duban.contracts.events.SupervisionOrderDismissed;
import org.duban.contracts.events.SupervisionOrderOpened;
import org.duban.contracts.events.SupervisionOrderProposed;
import org.duban.contracts.events.SupervisionOrderReopened;
import org.duban.contracts.events.SupervisionOrderResponded;

/**
 * What each event says in a matter's timeline, from its facts only (ids, kinds, flags, times): events
 * carry no petitioner identity and no free text, so neither does the timeline. Events that concern
 * no matter (a unit registered, a measure or recommendation without a matter) have no entry.
 */
final class TimelineFacts {

    private TimelineFacts() {
    }

    static Optional<TimelineFact> of(DubanEvent event) {
        String type = EventCatalog.of(event).name();
        if (event instanceof CaseRegistered e) {
            return fact(e.caseId(), type, e.registeredAt(), e.actor(), null, "登记信访事项（渠道 " + e.channel() + "，来源 "
                    + e.origin() + "，类别 " + e.category() + (e.prominent() ? "，突出信访问题" : "")
                    + (e.firstTime() ? "，初次信访" : "") + (e.repeatOfCaseId() != null ? "，重复信访，原事项 " + e.repeatOfCaseId() : "")
                    + "）");
        } else if (event instanceof CaseQueryCodeReissued e) {
            return fact(e.caseId(), type, e.reissuedAt(), e.actor(), null, "补发查询码（原查询码作废）");
        } else if (event instanceof AssignmentIssued e) {
            return fact(e.caseId(), type, e.issuedAt(), e.actor(), e.unitId(), ("ASSIGN".equals(e.kind()) ? "交办" : "转送")
                    + " " + e.assignmentId() + " 至 " + e.unitId() + "，受理期限 " + e.acceptanceDueAt() + "，办理期限 " + e.dueAt()
                    + (Boolean.TRUE.equals(e.deadlineProvisional()) ? "（期限暂定）" : ""));
        } else if (event instanceof AssignmentAccepted e) {
            return fact(e.caseId(), type, e.acceptedAt(), e.actor(), e.unitId(), "签收 " + e.assignmentId()
                    + (e.withinDeadline() ? "（按期）" : "（超期）") + "，受理告知 " + e.noticeSentAt());
        } else if (event instanceof AssignmentObjected e) {
            return fact(e.caseId(), type, e.objectedAt(), e.actor(), e.unitId(), "异议退回 " + e.assignmentId());
        } else if (event instanceof AssignmentObjectionDecided e) {
            return fact(e.caseId(), type, e.decidedAt(), e.actor(), e.unitId(), "异议" + (e.upheld() ? "成立" : "不成立") + " "
                    + e.assignmentId() + (e.reassignedAssignmentId() != null ? "，另行交办 " + e.reassignedAssignmentId() : ""));
        } else if (event instanceof AssignmentProgressReported e) {
            return fact(e.caseId(), type, e.reportedAt(), e.actor(), e.unitId(), "报告办理进展 " + e.assignmentId());
        } else if (event instanceof AssignmentExtensionRequested e) {
            return fact(e.caseId(), type, e.requestedAt(), e.actor(), e.unitId(), "申请延期 " + e.days() + " 天 " + e.assignmentId());
        } else if (event instanceof AssignmentExtensionDecided e) {
            return fact(e.caseId(), type, e.decidedAt(), e.actor(), e.unitId(), (e.approved() ? "同意延期 " + e.days()
                    + " 天，新期限 " + e.newDueAt() : "不同意延期") + " " + e.assignmentId());
        } else if (event instanceof AssignmentFinalReportSubmitted e) {
            return fact(e.caseId(), type, e.submittedAt(), e.actor(), e.unitId(), "提交办结报告 " + e.assignmentId() + "（"
                    + e.outcome() + "，" + (e.resolved() ? "已化解" : "未化解") + "，" + (e.withinDeadline() ? "按期" : "超期")
                    + "，答复 " + e.repliedAt() + "）");
        } else if (event instanceof AssignmentReviewed e) {
            return fact(e.caseId(), type, e.reviewedAt(), e.actor(), e.unitId(), ("APPROVE".equals(e.decision())
                    ? "审核通过 " : "退回重办（第 " + e.sendBacks() + " 次，新期限 " + e.newDueAt() + "）") + e.assignmentId());
        } else if (event instanceof AssignmentConcluded e) {
            return fact(e.caseId(), type, e.concludedAt(), e.actor(), e.unitId(), "办结 " + e.assignmentId() + "（"
                    + (e.resolved() ? "已化解" : "未化解") + "，" + (e.onTime() ? "按期" : "超期") + "）");
        } else if (event instanceof AssignmentCancelled e) {
            return fact(e.caseId(), type, e.cancelledAt(), e.actor(), e.unitId(), "撤销 " + e.assignmentId() + "（原状态 "
                    + e.previousStatus() + "）");
        } else if (event instanceof AssignmentDeadlineRecomputed e) {
            return fact(e.caseId(), type, e.recomputedAt(), e.actor(), e.unitId(), "按正式节假日安排重新计算期限 "
                    + e.assignmentId() + "（受理期限 " + e.previousAcceptanceDueAt() + " → " + e.acceptanceDueAt()
                    + "，办理期限 " + e.previousDueAt() + " → " + e.dueAt() + (e.deadlineProvisional() ? "，仍为暂定" : "")
                    + "）");
        } else if (event instanceof EvaluationRecorded e) {
            return fact(e.caseId(), type, e.recordedAt(), e.actor(), null, (e.unrated() ? "超期未评价（评价期满，平台记录）"
                    : "群众评价 " + e.rating() + "（" + e.channel() + "）")
                    + (e.replacesEvaluationId() != null ? "，替代评价 " + e.replacesEvaluationId() : ""));
        } else if (event instanceof LawyerParticipationRecorded e) {
            return fact(e.caseId(), type, e.recordedAt(), e.actor(), null, ("MEDIATION".equals(e.kind())
                    ? "律师参与调解 " : "律师出具法律意见 ") + e.participationId() + "（" + e.participatedOn() + "）");
        }
        return supervision(event, type);
    }

    private static Optional<TimelineFact> supervision(DubanEvent event, String type) {
        if (event instanceof ReminderIssued e) {
            return fact(e.caseId(), type, e.issuedAt(), e.actor(), e.unitId(), "催办（" + e.colour() + "，" + e.subjectType()
                    + " " + e.subjectId() + " 的 " + e.deadlineKind() + " 期限 " + e.dueAt() + "）");
        } else if (event instanceof SupervisionOrderProposed e) {
            return fact(e.caseId(), type, e.proposedAt(), e.actor(), e.unitId(), "拟督办 " + e.supervisionId() + "（" + e.trigger() + "）");
        } else if (event instanceof SupervisionOrderDismissed e) {
            return fact(e.caseId(), type, e.dismissedAt(), e.actor(), e.unitId(), "不予督办 " + e.supervisionId());
        } else if (event instanceof SupervisionOrderOpened e) {
            return fact(e.caseId(), type, e.openedAt(), e.actor(), e.unitId(), "督办 " + e.supervisionId() + "（" + e.trigger()
                    + "，" + e.form() + (e.automatic() ? "，自动" : "") + "，回复期限 " + e.responseDueAt() + "）");
        } else if (event instanceof SupervisionOrderResponded e) {
            return fact(e.caseId(), type, e.respondedAt(), e.actor(), e.unitId(), "回复督办 " + e.supervisionId()
                    + (e.late() ? "（逾期）" : ""));
        } else if (event instanceof SupervisionOrderReopened e) {
            return fact(e.caseId(), type, e.reopenedAt(), e.actor(), e.unitId(), "再次督办 " + e.supervisionId() + "（第 "
                    + e.reopenCount() + " 次）");
        } else if (event instanceof SupervisionOrderClosed e) {
            return fact(e.caseId(), type, e.closedAt(), e.actor(), e.unitId(), "督办办结 " + e.supervisionId());
        } else if (event instanceof RecommendationIssued e) {
            return fact(e.caseId(), type, e.issuedAt(), e.actor(), e.unitId(), "提出建议 " + e.recommendationId() + "（"
                    + e.kind() + "，反馈期限 " + e.feedbackDueAt() + "）");
        } else if (event instanceof RecommendationAnswered e) {
            return fact(e.caseId(), type, e.answeredAt(), e.actor(), e.unitId(), "建议反馈 " + e.recommendationId() + "（"
                    + (e.adopted() ? "采纳" : "未采纳") + (e.late() ? "，逾期" : "") + "）");
        } else if (event instanceof MeasureIssued e) {
            return fact(e.caseId(), type, e.issuedAt(), e.actor(), e.unitId(), "问责措施 " + e.measureId() + "（" + e.kind() + "）");
        } else if (event instanceof MeasureSubmitted e) {
            return fact(e.caseId(), type, e.submittedAt(), e.actor(), e.unitId(), "提交书面检查 " + e.measureId()
                    + (e.late() ? "（逾期）" : ""));
        } else if (event instanceof MeasureRecorded e) {
            return fact(e.caseId(), type, e.recordedAt(), e.actor(), e.unitId(), "约谈已开展 " + e.measureId() + "（" + e.heldAt() + "）");
        } else if (event instanceof NotificationDelivered e) {
            return fact(e.caseId(), type, e.deliveredAt(), e.actor(), e.unitId(), "通知已送达 " + e.deliveryId() + "（" + e.channel()
                    + "，" + e.sourceEventType() + "，第 " + e.attempts() + " 次）");
        } else if (event instanceof NotificationDeliveryFailed e) {
            return fact(e.caseId(), type, e.failedAt(), e.actor(), e.unitId(), "通知送达失败 " + e.deliveryId() + "（" + e.channel()
                    + "，" + e.attempts() + " 次）");
        } else if (event instanceof NotificationAcknowledged e) {
            return fact(e.caseId(), type, e.acknowledgedAt(), e.actor(), e.unitId(), "签收通知 " + e.messageId() + "（"
                    + e.sourceEventType() + "）");
        }
        return Optional.empty();
    }

    private static Optional<TimelineFact> fact(String caseId, String type, Instant at, Actor actor, String unitId,
            String what) {
        if (caseId == null) {
            return Optional.empty();
        }
        return Optional.of(new TimelineFact(caseId, type, at, actor.subject(), actor.role(), actor.unitId(), unitId, what));
    }
}
