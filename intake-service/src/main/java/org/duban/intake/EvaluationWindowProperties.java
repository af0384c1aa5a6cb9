package org.duban.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The evaluation window ({@code duban.intake.evaluation-window.*}): office policy for 超期未评价.
 *
 * @param length        how long after a matter's first conclusion the window stays open
 * @param sweepInterval how often this instance looks for windows that closed unrated
 * @param sweepEnabled  whether this instance sweeps on its own (tests drive sweeps by hand)
 */
@ConfigurationProperties("duban.intake.evaluation-window")
public record EvaluationWindowProperties(
        @DefaultValue("30d") Duration length,
        @DefaultValue("1h") Duration sweepInterval,
        @DefaultValue("true") boolean sweepEnabled) {
}
