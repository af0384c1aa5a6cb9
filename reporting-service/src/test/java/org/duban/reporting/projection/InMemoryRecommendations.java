package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Recommendations} in a map. */
public final class InMemoryRecommendations implements Recommendations {

    private final Map<String, Recommendation> recommendations = new HashMap<>();

    @Override
    public synchronized Recommendation issued(String recommendationId, String unitId, LocalDate issuedOn) {
        return recommendations.merge(recommendationId,
                new Recommendation(recommendationId, unitId, Optional.of(issuedOn), false),
                (old, now) -> new Recommendation(recommendationId, unitId, Optional.of(issuedOn), old.adopted()));
    }

    @Override
    public synchronized Recommendation answered(String recommendationId, boolean adopted) {
        return recommendations.merge(recommendationId,
                new Recommendation(recommendationId, null, Optional.empty(), adopted),
                (old, now) -> new Recommendation(recommendationId, old.unitId(), old.issuedOn(), adopted));
    }
}
