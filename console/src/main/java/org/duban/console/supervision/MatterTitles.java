package org.duban.console.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.model.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * The titles of the matters a page of orders, recommendations or measures belongs to, in one call for the
 * page: the supervision API names matters by id only.
 */
@Component
public class MatterTitles {

    private final CasesApi cases;

    MatterTitles(CasesApi cases) {
        this.cases = cases;
    }

    /** Titles by matter id; ids the registry does not answer for are left out (pages then show the id). */
    public Map<String, String> of(Collection<String> caseIds) {
        List<String> ids = caseIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return cases.listCases(null, ids, null, null, null, null, null, null, 0, ids.size()).getItems().stream()
                .collect(Collectors.toMap(CaseSummary::getId, CaseSummary::getTitle, (first, second) -> first));
    }
}
