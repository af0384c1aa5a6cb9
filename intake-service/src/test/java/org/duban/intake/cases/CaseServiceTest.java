package org.duban.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.duban.intake.cases.CaseFixtures.FEBRUARY_LAST_LATE;
import static org.duban.intake.cases.CaseFixtures.LEADER;
import static org.duban.intake.cases.CaseFixtures.MARCH_FIRST_EARLY;
import static org.duban.intake.cases.CaseFixtures.MARCH_SECOND;
import static org.duban.intake.cases.CaseFixtures.OFFICE;
import static org.duban.intake.cases.CaseFixtures.SUPERVISOR;
import static org.duban.intake.cases.CaseFixtures.matter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.idempotency.IdempotentCreations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who reads which matter, with or without the petitioner, and how the list is narrowed (SPEC §5). */
class CaseServiceTest {

    private static final Caller HANDLING_UNIT = Caller.unit("li.na", "unit-handling");
    private static final Caller OTHER_UNIT = Caller.unit("wu.min", "unit-other");
    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 20);

    private final InMemoryPetitionCases store = new InMemoryPetitionCases();
    private final Clock clock = Clock.fixed(MARCH_SECOND, ZoneOffset.UTC);
    // registering is not exercised here: no units, no idempotency keys are needed
    private final CaseService cases = new CaseService(store,
            (unitId, caseId) -> unitId.equals("unit-handling") && caseId.equals("lift"), null,
            new CaseService.CaseSupport(new IdempotentCreations((key, id, fingerprint) -> {
                throw new UnsupportedOperationException("not registering here");
            }, clock), clock, OFFICE, QueryCodeFixtures.recoverable(clock)));

    @BeforeEach
    void threeMatters() {
        store.add(matter("lift", "小区加装电梯纠纷", MARCH_FIRST_EARLY));
        store.add(matter("wages", "拖欠农民工工资", FEBRUARY_LAST_LATE, Category.LABOR_SOCIAL_SECURITY, Channel.VISIT,
                Origin.CITY, true));
        store.add(matter("noise", "夜间施工噪音扰民", MARCH_SECOND, Category.ECOLOGY_ENVIRONMENT, Channel.ONLINE,
                Origin.SELF, true));
    }

    @Test
    void aLeaderReadsAnyMatterWithoutItsPetitioner() {
        // when
        CaseDetails read = cases.get(LEADER, "wages");

        // then
        assertThat(read.petitionCase().id()).isEqualTo("wages");
        assertThat(read.petitionerShown()).isFalse();
        assertThat(read.petitioner()).isEmpty();
    }

    @Test
    void aSupervisorAndTheHandlingUnitReadTheMatterWithItsPetitioner() {
        // when
        CaseDetails bySupervisor = cases.get(SUPERVISOR, "lift");
        CaseDetails byUnit = cases.get(HANDLING_UNIT, "lift");

        // then
        assertThat(bySupervisor.petitioner()).get().extracting(PetitionCase.Petitioner::name).isEqualTo("李某");
        assertThat(byUnit.petitioner()).get().extracting(PetitionCase.Petitioner::name).isEqualTo("李某");
    }

    @Test
    void aUnitThatDoesNotHandleTheMatterGetsNotFoundExactlyLikeAMissingOne() {
        // when
        NotFound other = catchThrowableOfType(NotFound.class, () -> cases.get(OTHER_UNIT, "lift"));
        NotFound missing = catchThrowableOfType(NotFound.class, () -> cases.get(OTHER_UNIT, "no-such-case"));

        // then
        assertThat(other).hasMessage("case lift was not found");
        assertThat(missing).hasMessage("case no-such-case was not found");
    }

    @Test
    void aLeaderListsMattersNewestFirstButAUnitOrARolelessCallerIsRefused() {
        // when
        Page<PetitionCase> byLeader = cases.list(LEADER, CaseFilter.none(), FIRST_PAGE);

        // then
        assertThat(byLeader.items()).extracting(PetitionCase::id).containsExactly("noise", "lift", "wages");
        assertThatThrownBy(() -> cases.list(HANDLING_UNIT, CaseFilter.none(), FIRST_PAGE))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> cases.get(new Caller("nobody", Set.of(), null), "lift"))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void selectsTheRegistrationDaysOfTheOfficeNotOfUtc() {
        // given: "lift" is registered at 00:30 on 1 March in the office, still 29 February in UTC
        CaseFilter marchFirst = new CaseFilter(null, null, null, null, null, null, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2));

        // when
        Page<PetitionCase> found = cases.list(SUPERVISOR, marchFirst, FIRST_PAGE);

        // then
        assertThat(found.items()).extracting(PetitionCase::id).containsExactly("lift");
    }

    @Test
    void combinesTheFiltersAndCountsOnlyWhatMatchesBeforePaging() {
        // given
        CaseFilter prominentFromFebruary = new CaseFilter(null, null, null, null, null, true,
                LocalDate.of(2024, 2, 1), null);

        // when
        Page<PetitionCase> first = cases.list(LEADER, prominentFromFebruary, PageRequest.of(0, 1));
        Page<PetitionCase> second = cases.list(LEADER, prominentFromFebruary, PageRequest.of(1, 1));
        Page<PetitionCase> cityWages = cases.list(LEADER, new CaseFilter("工资", List.of("wages", "lift"),
                Category.LABOR_SOCIAL_SECURITY, Channel.VISIT, Origin.CITY, true, null, null), FIRST_PAGE);

        // then
        assertThat(first.items()).extracting(PetitionCase::id).containsExactly("noise");
        assertThat(second.items()).extracting(PetitionCase::id).containsExactly("wages");
        assertThat(first.totalElements()).isEqualTo(2);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(cityWages.items()).extracting(PetitionCase::id).containsExactly("wages");
    }

    @Test
    void readsTheTitlesOfManyMattersAtOnceAndLeavesOutUnknownIds() {
        // when
        Map<String, String> titles = cases.titles(List.of("lift", "noise", "no-such-case"));

        // then
        assertThat(titles).containsOnlyKeys("lift", "noise").containsEntry("lift", "小区加装电梯纠纷");
        assertThat(store.titleReads).isEqualTo(1);
    }
}
