package org.duban.intake.progress;

import org.duban.platform.domain.InvalidInput;

/** What the petitioner sends to follow the matter: the query code (查询码) printed on the receipt. */
public record PublicProgressRequest(String queryCode) {

    public PublicProgressRequest {
        if (queryCode == null || queryCode.isBlank()) {
            throw new InvalidInput("queryCode", "is required");
        }
    }

    /** Never the code itself: logs must not carry it. */
    @Override
    public String toString() {
        return "PublicProgressRequest[]";
    }
}
