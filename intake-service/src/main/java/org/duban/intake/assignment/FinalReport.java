package org.duban.intake.assignment;

import java.time.Instant;
import java.util.Objects;

/**
 * The unit's final report (办结报告): the outcome by 三到位一处理 [27], whether the conflict is resolved
 * (化解), when the petitioner was answered (答复), and whether it came by the deadline then in force.
 */
public record FinalReport(Outcome outcome, boolean resolved, String summary, Instant repliedAt,
        Instant submittedAt, boolean withinDeadline) {

    /** 解决到位, 教育到位, 帮扶到位, 依法处理. */
    public enum Outcome { SOLVED, EDUCATED, ASSISTED, LEGALLY_HANDLED }

    public FinalReport {
        Objects.requireNonNull(outcome, "outcome");
        Texts.required("summary", summary, Texts.SUMMARY);
        Objects.requireNonNull(repliedAt, "repliedAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
