package org.duban.notification.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.duban.contracts.events.AssignmentIssued;

/**
 * 交办/转送 as the unit reads it: which matter, which kind, by when it must be signed for (签收) and by
 * when it must be handled. Times are shown in the office's time zone, to the minute.
 */
public final class AssignmentIssuedTemplate implements MessageTemplate<AssignmentIssued> {

    private static final String ASSIGN = "ASSIGN";
    private static final String TRANSFER = "TRANSFER";

    private final DateTimeFormatter minutes;

    public AssignmentIssuedTemplate(ZoneId officeZone) {
        this.minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Objects.requireNonNull(officeZone));
    }

    @Override
    public Class<AssignmentIssued> eventType() {
        return AssignmentIssued.class;
    }

    @Override
    public RenderedMessage render(AssignmentIssued event) {
        String kind = kindName(event.kind());
        String title = "新" + kind + "事项：" + event.caseId();
        StringBuilder body = new StringBuilder()
                .append("区信访办向你单位").append(kind).append("信访事项 ").append(event.caseId())
                .append("（").append(kind).append("编号 ").append(event.assignmentId()).append("）。")
                .append("请于 ").append(at(event.acceptanceDueAt())).append(" 前签收，并书面告知信访人受理情况；");
        if (ASSIGN.equals(event.kind())) {
            body.append("请于 ").append(at(event.dueAt())).append(" 前办结并报送办结报告。");
        } else {
            body.append("办理期限至 ").append(at(event.dueAt())).append("。");
        }
        if (event.prominent()) {
            body.append("本事项为突出信访问题。");
        }
        return new RenderedMessage(title, body.toString());
    }

    private String at(Instant instant) {
        return minutes.format(instant);
    }

    private static String kindName(String kind) {
        if (ASSIGN.equals(kind)) {
            return "交办";
        }
        if (TRANSFER.equals(kind)) {
            return "转送";
        }
        throw new IllegalArgumentException("unknown assignment kind " + kind);
    }
}
