package org.duban.console.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.model.CaseSummary;
import org.duban.console.security.ConsoleUser;
import org.springframework.stereotype.Component;

/**
 * The titles of the matters a page of alert lines, orders, recommendations or measures belongs to: those
 * APIs name matters by id only. A matter's title never changes once registered (the API has no call that
 * changes it), so titles read once are kept — the last {@value #KEPT} — and a page asks the registry, in
 * one call, only for those it has not seen. Office staff only: a unit never lists matters.
 */
@Component
public class MatterTitles {

    static final int KEPT = 20_000;

    private final CasesApi cases;
    private final Map<String, String> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    MatterTitles(CasesApi cases) {
        this.cases = cases;
    }

    /** Drops every title kept, e.g. when the platform's data was restored from an older backup. */
    public void forget() {
        synchronized (known) {
            known.clear();
        }
    }

    /** Titles by matter id; ids the registry does not answer for are left out (pages then show the id). */
    public Map<String, String> of(ConsoleUser user, Collection<String> caseIds) {
        if (!user.isOffice()) {
            throw new IllegalStateException("units never list matters");
        }
        List<String> ids = caseIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> titles = new LinkedHashMap<>();
        List<String> unknown;
        synchronized (known) {
            ids.forEach(id -> {
                String title = known.get(id);
                if (title != null) {
                    titles.put(id, title);
                }
            });
            unknown = ids.stream().filter(id -> !titles.containsKey(id)).toList();
        }
        if (!unknown.isEmpty()) {
            List<CaseSummary> found = cases.listCases(null, unknown, null, null, null, null, null, null, 0,
                    unknown.size()).getItems();
            synchronized (known) {
                found.forEach(matter -> known.put(matter.getId(), matter.getTitle()));
            }
            found.forEach(matter -> titles.put(matter.getId(), matter.getTitle()));
        }
        return titles;
    }
}
