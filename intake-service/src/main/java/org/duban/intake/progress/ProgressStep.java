package org.duban.intake.progress;

import java.time.Instant;
import java.util.Objects;

import org.duban.intake.unit.ResponsibleUnit.UnitKind;

/**
 * One stage the matter reached, and when. {@code bodyKind} says to which kind of body (街道, 镇, 区级部门, …) a
 * matter was assigned or transferred, never which body: only on {@link ProgressStage#ASSIGNED} and
 * {@link ProgressStage#TRANSFERRED}.
 */
public record ProgressStep(ProgressStage stage, Instant at, UnitKind bodyKind) {

    public ProgressStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        boolean sent = stage == ProgressStage.ASSIGNED || stage == ProgressStage.TRANSFERRED;
        if (sent != (bodyKind != null)) {
            throw new IllegalArgumentException("a body kind goes with ASSIGNED and TRANSFERRED only, not " + stage);
        }
    }

    static ProgressStep of(ProgressStage stage, Instant at) {
        return new ProgressStep(stage, at, null);
    }
}
