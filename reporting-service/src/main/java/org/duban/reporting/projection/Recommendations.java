package org.duban.reporting.projection;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The recommendations (三项建议) seen issued or answered, so that an adoption is counted on the day
 * the recommendation was issued, whichever of the two events comes first.
 */
public interface Recommendations {

    /** Records the issue and answers what is now known of the recommendation. */
    Recommendation issued(String recommendationId, String unitId, LocalDate issuedOn);

    /** Records the answer and answers what is now known of the recommendation. */
    Recommendation answered(String recommendationId, boolean adopted);

    /**
     * @param issuedOn empty until the issue was seen
     * @param adopted  whether the addressee answered that it adopts it (false until answered)
     */
    record Recommendation(String recommendationId, String unitId, Optional<LocalDate> issuedOn, boolean adopted) {
    }
}
