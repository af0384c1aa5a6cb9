package org.duban.contracts.events;

import java.time.Instant;

/**
 * {@code duban.case.query-code-reissued.v1}: a supervisor issued a new query code (查询码补发) for a matter
 * whose receipt was lost; the old code stopped working. Neither code nor any hash of one travels: the
 * event only records that it happened, when and by whom.
 */
public record CaseQueryCodeReissued(
        String caseId,
        Instant reissuedAt,
        Actor actor) implements DubanEvent {

    public static final String TYPE = "duban.case.query-code-reissued.v1";

    @Override
    public String partitionKey() {
        return caseId;
    }
}
