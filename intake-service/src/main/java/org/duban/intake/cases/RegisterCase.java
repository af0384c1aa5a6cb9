package org.duban.intake.cases;

import java.util.List;
import java.util.Objects;

import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.platform.domain.InvalidInput;

/**
 * What a supervisor gives to register a matter, checked here once: a {@link PetitionCase} keeps it, as it
 * was registered, for its whole life.
 *
 * @param prominent      a 重点 matter
 * @param whistleblowing a 举报 matter: its accused units never see it
 */
public record RegisterCase(
        String title,
        String summary,
        Channel channel,
        Origin origin,
        Category category,
        Petitioner petitioner,
        boolean prominent,
        boolean whistleblowing,
        List<String> accusedUnitIds,
        boolean firstTime,
        boolean backlog,
        String leaderInCharge,
        String repeatOfCaseId) {

    public RegisterCase {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(petitioner, "petitioner");
        accusedUnitIds = accusedUnitIds == null ? List.of() : accusedUnitIds.stream().distinct().toList();
        if (whistleblowing && accusedUnitIds.isEmpty()) {
            throw new InvalidInput("accusedUnitIds", "a whistleblowing matter must name the units it accuses");
        }
        if (!whistleblowing && !accusedUnitIds.isEmpty()) {
            throw new InvalidInput("accusedUnitIds", "only a whistleblowing matter accuses units");
        }
        if (leaderInCharge != null && (leaderInCharge.isBlank() || leaderInCharge.length() > 50)) {
            throw new InvalidInput("leaderInCharge", "must be a name of 1 to 50 characters");
        }
        if (repeatOfCaseId != null && firstTime) {
            throw new InvalidInput("firstTime", "must be false for a repeat petition (repeatOfCaseId is given)");
        }
    }
}
