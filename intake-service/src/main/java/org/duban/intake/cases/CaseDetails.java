package org.duban.intake.cases;

import java.util.Objects;
import java.util.Optional;

import org.duban.intake.cases.PetitionCase.Petitioner;

/**
 * A matter as the caller may read it: with its petitioner for a supervisor and the handling unit,
 * without it for a leader (oversight, not the person; SPEC §5).
 */
public record CaseDetails(PetitionCase petitionCase, boolean petitionerShown) {

    public CaseDetails {
        Objects.requireNonNull(petitionCase, "petitionCase");
    }

    /** The petitioner, if the caller may see them. */
    public Optional<Petitioner> petitioner() {
        return petitionerShown ? Optional.of(petitionCase.details().petitioner()) : Optional.empty();
    }
}
