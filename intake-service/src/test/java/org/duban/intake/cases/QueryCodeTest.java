package org.duban.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.intake.cases.CaseFixtures.LEADER;
import static org.duban.intake.cases.CaseFixtures.MARCH_SECOND;
import static org.duban.intake.cases.CaseFixtures.OFFICE;
import static org.duban.intake.cases.CaseFixtures.SUPERVISOR;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.intake.cases.PetitionCase.Petitioner;
import org.duban.intake.unit.ResponsibleUnit;
import org.duban.intake.unit.ResponsibleUnits;
import org.duban.intake.unit.UnitService;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.events.PendingEvent;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.idempotency.IdempotencyKeys;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The query code (查询码): a retried registration answers the same code while its idempotency key lives,
 * kept only sealed; a code issued anew for a lost receipt replaces the old one, recorded without any code.
 */
class QueryCodeTest {

    private static final RegisterCase REGISTRATION = new RegisterCase("小区加装电梯纠纷", "反映加装电梯协调不力",
            Channel.VISIT, Origin.SELF, Category.URBAN_RURAL_CONSTRUCTION, new Petitioner("李某", null, null), false,
            false, List.of(), true, false, null, null);

    private final MovableClock clock = new MovableClock(MARCH_SECOND);
    private final InMemoryPetitionCases store = new InMemoryPetitionCases(new PendingEvents(clock));
    private final QueryCodeFixtures.InMemorySealedQueryCodes sealed = new QueryCodeFixtures.InMemorySealedQueryCodes();
    private final Map<String, IdempotencyKeys.Reservation> keys = new HashMap<>();
    private final CaseService cases = new CaseService(store, (unitId, caseId) -> false, new UnitService(noUnits(),
            null, clock), new CaseService.CaseSupport(new IdempotentCreations(
                    (key, id, fingerprint) -> keys.computeIfAbsent(key, k -> new IdempotencyKeys.Reservation(id,
                            fingerprint)), clock),
            clock, OFFICE, new RecoverableQueryCodes(sealed,
                    QueryCodeCipher.fromBase64(QueryCodeFixtures.KEY), QueryCodeFixtures.LIFE, clock)));

    @Test
    void aRetriedRegistrationAnswersTheSameMatterWithTheSameQueryCode() {
        // given
        CaseService.Registered first = cases.register(SUPERVISOR, REGISTRATION, "key-1");

        // when
        clock.advance(Duration.ofDays(6));
        CaseService.Registered retried = cases.register(SUPERVISOR, REGISTRATION, "key-1");

        // then
        assertThat(first.queryCode()).hasSize(12);
        assertThat(retried.petitionCase().id()).isEqualTo(first.petitionCase().id());
        assertThat(retried.queryCode()).isEqualTo(first.queryCode());
        assertThat(cases.findByQueryCode(retried.queryCode())).map(PetitionCase::id).hasValue(first.petitionCase().id());
    }

    @Test
    void theCodeIsKeptOnlySealedAndOnlyForTheKeysLife() {
        // given
        CaseService.Registered first = cases.register(SUPERVISOR, REGISTRATION, "key-2");
        byte[] kept = sealed.kept.get(first.petitionCase().id()).sealed().bytes();

        // when
        clock.advance(QueryCodeFixtures.LIFE.plusSeconds(1));
        CaseService.Registered afterTheLife = cases.register(SUPERVISOR, REGISTRATION, "key-2");

        // then
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(first.queryCode());
        assertThat(sealed.kept.get(first.petitionCase().id()).until())
                .isEqualTo(MARCH_SECOND.plus(QueryCodeFixtures.LIFE));
        assertThat(afterTheLife.petitionCase().id()).isEqualTo(first.petitionCase().id());
        assertThat(afterTheLife.queryCode()).isNull();
    }

    @Test
    void aRegistrationWithoutAnIdempotencyKeyKeepsNothingButTheHash() {
        // when
        CaseService.Registered registered = cases.register(SUPERVISOR, REGISTRATION, null);

        // then
        assertThat(registered.queryCode()).isNotBlank();
        assertThat(sealed.kept).isEmpty();
        assertThat(registered.petitionCase().queryCodeHash()).isEqualTo(QueryCodes.hash(registered.queryCode()));
    }

    @Test
    void aReissuedCodeWorksTheOldOneNoLongerAndNeitherIsInTheEvent() {
        // given
        CaseService.Registered registered = cases.register(SUPERVISOR, REGISTRATION, "key-3");
        String caseId = registered.petitionCase().id();
        clock.advance(Duration.ofDays(40));

        // when
        CaseService.ReissuedQueryCode reissued = cases.reissueQueryCode(SUPERVISOR, caseId);

        // then
        assertThat(reissued.queryCode()).hasSize(12).isNotEqualTo(registered.queryCode());
        assertThat(reissued.reissuedAt()).isEqualTo(clock.instant());
        assertThat(cases.findByQueryCode(reissued.queryCode())).map(PetitionCase::id).hasValue(caseId);
        assertThat(cases.findByQueryCode(registered.queryCode())).isEmpty();
        PendingEvent event = store.recorded.get(store.recorded.size() - 1);
        assertThat(event.type()).isEqualTo("duban.case.query-code-reissued.v1");
        assertThat(event.key()).isEqualTo(caseId);
        assertThat(event.data()).contains("\"caseId\":\"" + caseId + "\"", "\"role\":\"SUPERVISOR\"")
                .doesNotContain(reissued.queryCode(), registered.queryCode(), QueryCodes.hash(reissued.queryCode()),
                        QueryCodes.hash(registered.queryCode()));
        assertThat(reissued.toString()).doesNotContain(reissued.queryCode());
    }

    @Test
    void aRetryOfTheRegistrationAfterAReissueAnswersNoCodeRatherThanTheDeadOne() {
        // given
        CaseService.Registered registered = cases.register(SUPERVISOR, REGISTRATION, "key-4");
        cases.reissueQueryCode(SUPERVISOR, registered.petitionCase().id());

        // when
        CaseService.Registered retried = cases.register(SUPERVISOR, REGISTRATION, "key-4");

        // then
        assertThat(retried.queryCode()).isNull();
        assertThat(sealed.kept).doesNotContainKey(registered.petitionCase().id());
    }

    @Test
    void onlyASupervisorReissuesAndOnlyForAMatterThatExists() {
        // given
        String caseId = cases.register(SUPERVISOR, REGISTRATION, null).petitionCase().id();
        String hash = store.find(caseId).orElseThrow().queryCodeHash();

        // when / then
        assertThatThrownBy(() -> cases.reissueQueryCode(LEADER, caseId)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> cases.reissueQueryCode(Caller.unit("li.na", "unit-1"), caseId))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> cases.reissueQueryCode(SUPERVISOR, "no-such-case")).isInstanceOf(NotFound.class);
        assertThat(store.find(caseId).orElseThrow().queryCodeHash()).isEqualTo(hash);
    }

    @Test
    void aSealedCodeOpensOnlyForItsMatterUnderItsKeyAndNeverSealsTheSameTwice() {
        // given
        QueryCodeCipher cipher = QueryCodeCipher.fromBase64(QueryCodeFixtures.KEY);
        QueryCodeCipher otherKey = new QueryCodeCipher(new byte[QueryCodeCipher.KEY_BYTES]);

        // when
        SealedQueryCode once = cipher.seal("case-1", "K7M2QX9PRT4W");
        SealedQueryCode twice = cipher.seal("case-1", "K7M2QX9PRT4W");

        // then
        assertThat(cipher.open("case-1", once)).hasValue("K7M2QX9PRT4W");
        assertThat(cipher.open("case-2", once)).isEmpty();
        assertThat(otherKey.open("case-1", once)).isEmpty();
        assertThat(once).isNotEqualTo(twice);
        assertThat(once.toString()).doesNotContain("K7M2QX9PRT4W");
        assertThatThrownBy(() -> QueryCodeCipher.fromBase64("dG9vIHNob3J0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryCodeCipher.fromBase64("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ResponsibleUnits noUnits() {
        return new ResponsibleUnits() {
            @Override
            public void add(ResponsibleUnit unit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<ResponsibleUnit> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<String> existing(List<String> ids) {
                return ids;
            }

            @Override
            public Page<ResponsibleUnit> list(PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
