package org.duban.reporting.statistics;

import java.util.Objects;

/** The rates of SPEC §6, each with its numerator and denominator. */
public record Rates(
        Rate timelyAcceptance,
        Rate onTimeCompletion,
        Rate participation,
        Rate satisfaction,
        Rate prominentResolution,
        Rate firstTimeResolution) {

    public Rates {
        Objects.requireNonNull(timelyAcceptance, "timelyAcceptance");
        Objects.requireNonNull(onTimeCompletion, "onTimeCompletion");
        Objects.requireNonNull(participation, "participation");
        Objects.requireNonNull(satisfaction, "satisfaction");
        Objects.requireNonNull(prominentResolution, "prominentResolution");
        Objects.requireNonNull(firstTimeResolution, "firstTimeResolution");
    }
}
