package org.duban.intake.unit;

import java.util.List;
import java.util.Optional;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;

/** Where units are kept. */
public interface ResponsibleUnits {

    /**
     * Stores a new unit with the event its registration recorded, in one write.
     *
     * @throws UnitCodeTaken if another unit already has the code
     */
    void add(ResponsibleUnit unit);

    Optional<ResponsibleUnit> find(String id);

    /** Which of {@code ids} are registered units. */
    List<String> existing(List<String> ids);

    /** Units ordered by code. */
    Page<ResponsibleUnit> list(PageRequest page);

    /** Another unit already holds the code. */
    final class UnitCodeTaken extends RuntimeException {
        public UnitCodeTaken(String code) {
            super("unit code " + code + " is taken");
        }
    }
}
