package org.duban.intake.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.duban.intake.unit.UnitService;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/** Registering and reading petition matters. */
public final class CaseService {

    private final PetitionCases cases;
    private final HandlingUnits handlingUnits;
    private final UnitService units;
    private final CaseSupport support;
    private final QueryCodes queryCodes = new QueryCodes();

    public CaseService(PetitionCases cases, HandlingUnits handlingUnits, UnitService units, CaseSupport support) {
        this.cases = cases;
        this.handlingUnits = handlingUnits;
        this.units = units;
        this.support = support;
    }

    /**
     * Registers a matter (supervisor). The answer carries its query code. Under an idempotency key the code
     * is kept sealed for the key's life, so a retry answers the same code; without a key there is no retry,
     * and nothing of the code but its hash is kept.
     */
    public Registered register(Caller caller, RegisterCase request, String idempotencyKey) {
        caller.require(Role.SUPERVISOR);
        List<String> unknown = units.unknown(request.accusedUnitIds());
        if (!unknown.isEmpty()) {
            throw new InvalidInput("accusedUnitIds", "not registered units: " + String.join(", ", unknown));
        }
        if (request.repeatOfCaseId() != null && cases.find(request.repeatOfCaseId()).isEmpty()) {
            throw new InvalidInput("repeatOfCaseId", "not a registered matter: " + request.repeatOfCaseId());
        }
        return support.creations().create(caller, "register-case", idempotencyKey, request,
                id -> store(caller, id, request, idempotencyKey != null),
                id -> cases.find(id).map(found -> new Registered(found,
                        support.queryCodes().recover(found).orElse(null))));
    }

    private Registered store(Caller caller, String id, RegisterCase request, boolean retriable) {
        String queryCode = queryCodes.newCode();
        if (retriable) {
            // kept first: a retry after a crash between the two writes stores the matter anew with a new code
            support.queryCodes().keep(id, queryCode);
        }
        PetitionCase petitionCase = PetitionCase.register(id, request, QueryCodes.hash(queryCode),
                support.clock().instant(), caller.asActor());
        cases.add(petitionCase);
        return new Registered(petitionCase, queryCode);
    }

    /**
     * Issues a new query code for a matter whose receipt was lost (查询码补发, supervisor): the answer
     * carries it once, the old code stops working at once, and the matter's timeline records the reissue
     * without any code. A retried call issues yet another code; only the latest works.
     */
    public ReissuedQueryCode reissueQueryCode(Caller caller, String caseId) {
        caller.require(Role.SUPERVISOR);
        PetitionCase matter = find(caseId);
        String queryCode = queryCodes.newCode();
        Instant now = support.clock().instant();
        matter.reissueQueryCode(QueryCodes.hash(queryCode), now, caller.asActor());
        cases.update(matter);
        support.queryCodes().forget(caseId);
        return new ReissuedQueryCode(caseId, queryCode, now);
    }

    /**
     * One matter: with its petitioner for a supervisor, or for a unit that handles it (an assignment on
     * it, not cancelled); without it for a leader, who reads every matter. Any other unit, an accused
     * one included, gets {@link NotFound} exactly like a missing matter.
     */
    public CaseDetails get(Caller caller, String id) {
        caller.require(Role.SUPERVISOR, Role.LEADER, Role.UNIT);
        if (caller.isSupervisor()) {
            return new CaseDetails(find(id), true);
        }
        if (caller.has(Role.UNIT) && handlingUnits.handles(caller.unitId(), id)) {
            return new CaseDetails(find(id), true);
        }
        if (caller.has(Role.LEADER)) {
            return new CaseDetails(find(id), false);
        }
        throw new NotFound("case", id);
    }

    /**
     * Matters newest first, narrowed by {@code filter} (office staff: supervisor, leader); views of a
     * list carry no petitioner.
     */
    public Page<PetitionCase> list(Caller caller, CaseFilter filter, PageRequest page) {
        caller.require(Role.SUPERVISOR, Role.LEADER);
        return cases.list(CaseQuery.of(filter, support.officeZone()), page);
    }

    /** The titles of the registered matters among {@code ids}, in one read (for other features' answers). */
    public Map<String, String> titles(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : cases.titles(ids);
    }

    /** A matter for use cases of other features, or {@link NotFound}. */
    public PetitionCase find(String id) {
        return cases.find(id).orElseThrow(() -> new NotFound("case", id));
    }

    /** The matter a query code belongs to, if any (the petitioner's public calls). */
    public Optional<PetitionCase> findByQueryCode(String queryCode) {
        return cases.findByQueryCodeHash(QueryCodes.hash(queryCode));
    }

    /**
     * A registered matter and its query code: right after registration, and on a retry with the same
     * idempotency key while the code is kept (else null).
     */
    public record Registered(PetitionCase petitionCase, String queryCode) {

        /** Never the code itself: logs must not carry it. */
        @Override
        public String toString() {
            return "Registered[caseId=" + petitionCase.id() + "]";
        }
    }

    /** A matter's new query code (查询码补发), shown once, and when it was issued. */
    public record ReissuedQueryCode(String caseId, String queryCode, Instant reissuedAt) {

        /** Never the code itself: logs must not carry it. */
        @Override
        public String toString() {
            return "ReissuedQueryCode[caseId=" + caseId + ", reissuedAt=" + reissuedAt + "]";
        }
    }

    /**
     * What the use cases need besides the stores: idempotent ids, the clock, the office's zone, and where
     * query codes stay recoverable for a retried registration.
     */
    public record CaseSupport(IdempotentCreations creations, Clock clock, ZoneId officeZone,
            RecoverableQueryCodes queryCodes) {
        public CaseSupport {
            Objects.requireNonNull(creations, "creations");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(officeZone, "officeZone");
            Objects.requireNonNull(queryCodes, "queryCodes");
        }
    }
}
