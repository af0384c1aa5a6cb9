package org.duban.intake.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link CaseFilter} as the store selects on it: its days turned into the instants of the office's
 * midnights ({@code registeredFrom} inclusive, {@code registeredTo} exclusive; null when unbounded).
 */
public record CaseQuery(CaseFilter filter, Instant registeredFrom, Instant registeredTo) {

    public CaseQuery {
        Objects.requireNonNull(filter, "filter");
    }

    public static CaseQuery of(CaseFilter filter, ZoneId officeZone) {
        return new CaseQuery(filter,
                filter.registeredFrom() == null ? null : filter.registeredFrom().atStartOfDay(officeZone).toInstant(),
                filter.registeredTo() == null ? null : filter.registeredTo().atStartOfDay(officeZone).toInstant());
    }

    /** Whether the matter meets every condition: what the store's selection means. */
    public boolean matches(PetitionCase matter) {
        RegisterCase details = matter.details();
        return filter.textMatches(matter.id(), details.title())
                && (filter.ids().isEmpty() || filter.ids().contains(matter.id()))
                && (filter.category() == null || filter.category() == details.category())
                && (filter.channel() == null || filter.channel() == details.channel())
                && (filter.origin() == null || filter.origin() == details.origin())
                && (filter.prominent() == null || filter.prominent() == details.prominent())
                && (registeredFrom == null || !matter.registeredAt().isBefore(registeredFrom))
                && (registeredTo == null || matter.registeredAt().isBefore(registeredTo));
    }
}
