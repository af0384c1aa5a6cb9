package org.duban.supervision.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark in miniature, so that it keeps working; the real run is documented in the README. */
class ReminderSweepBenchmarkTest {

    @Test
    void theBenchmarkRunsAndIssuesExactlyTheRemindersDueInEveryScenario() {
        List<ReminderSweepBenchmark.Result> results = ReminderSweepBenchmark.run(500, 2_000, 50, 250, 400,
                result -> System.out.println(result.line()));

        assertThat(results).hasSize(5);
        assertThat(results).allSatisfy(result -> assertThat(result.reminded()).isEqualTo(50));
    }
}
