package org.duban.intake.cases.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.intake.cases.CaseFixtures.FEBRUARY_LAST_LATE;
import static org.duban.intake.cases.CaseFixtures.MARCH_FIRST_EARLY;
import static org.duban.intake.cases.CaseFixtures.MARCH_SECOND;
import static org.duban.intake.cases.CaseFixtures.matter;
import static org.duban.intake.cases.CaseFixtures.text;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.duban.intake.cases.CaseFilter;
import org.duban.intake.cases.CaseFixtures;
import org.duban.intake.cases.CaseQuery;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.PetitionCase.Category;
import org.duban.intake.cases.PetitionCase.Channel;
import org.duban.intake.cases.PetitionCase.Origin;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.events.PendingEvents;
import org.duban.platform.outbox.AggregateWriter;
import org.duban.platform.outbox.OutboxProperties;
import org.duban.platform.outbox.OutboxRelay;
import org.duban.platform.testing.FreshDatabases;
import org.duban.platform.testing.TestFieldKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code cases} on the Mongo-wire store: the list's one query ($regex with escaped pattern characters,
 * $in, equalities, a registration range) selects exactly what {@link CaseQuery#matches} says, and the
 * titles of many matters come from one read.
 */
class MongoPetitionCasesIT {

    private static final PageRequest FIRST_PAGE = PageRequest.of(0, 50);
    @RegisterExtension
    static final FreshDatabases mongo = new FreshDatabases("cases");

    private MongoPetitionCases cases;
    private List<PetitionCase> all;

    @BeforeEach
    void mattersWithPatternCharactersInTheirTitles() {
        MongoDatabase database = mongo.fresh();
        OutboxRelay relay = new OutboxRelay(database, event -> { },
                new OutboxProperties(false, List.of(MongoPetitionCases.COLLECTION), Duration.ofSeconds(1),
                        Duration.ofSeconds(30), 100, Duration.ZERO),
                Clock.systemUTC(), new SimpleMeterRegistry());
        cases = new MongoPetitionCases(database, new AggregateWriter(relay), new PendingEvents(Clock.systemUTC()),
                FieldCipher.fromJsonKeyset(TestFieldKeys.newKeyset()));
        all = List.of(
                matter("elevator", "加装电梯(一期)纠纷", MARCH_FIRST_EARLY),
                matter("pattern", "Lift.*Dispute [urgent]", FEBRUARY_LAST_LATE, Category.REAL_ESTATE, Channel.ONLINE,
                        Origin.CITY, true),
                matter("upper", "LIFT repair? $100 ^ not paid", MARCH_SECOND, Category.REAL_ESTATE, Channel.VISIT,
                        Origin.CITY, true),
                matter("slash", "C:\\path\\to + a|b {2}", MARCH_SECOND.plusSeconds(60)));
        all.forEach(matter -> cases.add(matter));
    }

    @Test
    void findsTheTextInTitlesLiterallyIgnoringCaseEvenWithPatternCharacters() {
        // when / then
        assertThat(ids(text("(一期)"))).containsExactly("elevator");
        assertThat(ids(text(".*"))).containsExactly("pattern");
        assertThat(ids(text("[urgent]"))).containsExactly("pattern");
        assertThat(ids(text("lift"))).containsExactly("upper", "pattern");
        assertThat(ids(text("? $100 ^"))).containsExactly("upper");
        assertThat(ids(text("\\path\\"))).containsExactly("slash");
        assertThat(ids(text("+ a|b {2}"))).containsExactly("slash");
        assertThat(ids(text("a|b"))).as("no alternation").containsExactly("slash");
        assertThat(ids(text("l.ft"))).as("no wildcard").isEmpty();
        assertThat(ids(text("["))).as("an unbalanced bracket is just a character").containsExactly("pattern");
    }

    @Test
    void findsAMatterByItsWholeId() {
        // when / then
        assertThat(ids(text("upper"))).containsExactly("upper");
        assertThat(ids(text("uppe"))).isEmpty();
    }

    @Test
    void selectsExactlyWhatTheDomainQueryMatchesForEveryFilter() {
        // given
        List<CaseFilter> filters = List.of(
                CaseFilter.none(),
                new CaseFilter(null, List.of("elevator", "upper", "no-such-case"), null, null, null, null, null, null),
                new CaseFilter(null, null, Category.REAL_ESTATE, null, null, null, null, null),
                new CaseFilter(null, null, null, Channel.VISIT, null, null, null, null),
                new CaseFilter(null, null, null, null, Origin.SELF, null, null, null),
                new CaseFilter(null, null, null, null, null, false, null, null),
                new CaseFilter(null, null, null, null, null, null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2)),
                new CaseFilter(null, null, null, null, null, null, null, LocalDate.of(2024, 3, 1)),
                new CaseFilter("lift", List.of("pattern", "upper"), Category.REAL_ESTATE, Channel.VISIT, Origin.CITY,
                        true, LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 3)));

        // when / then
        for (CaseFilter filter : filters) {
            CaseQuery query = query(filter);
            assertThat(cases.list(query, FIRST_PAGE).items()).as(filter.toString()).extracting(PetitionCase::snapshot)
                    .containsExactlyElementsOf(all.stream().filter(query::matches)
                            .sorted((a, b) -> b.registeredAt().compareTo(a.registeredAt()))
                            .map(PetitionCase::snapshot).toList());
        }
    }

    @Test
    void registrationDaysAreTheOfficesFromItsMidnightUntilTheNext() {
        // when
        List<String> marchFirst = ids(new CaseFilter(null, null, null, null, null, null, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2)));
        List<String> beforeMarch = ids(new CaseFilter(null, null, null, null, null, null, null,
                LocalDate.of(2024, 3, 1)));

        // then
        assertThat(marchFirst).containsExactly("elevator");
        assertThat(beforeMarch).containsExactly("pattern");
    }

    @Test
    void countsWhatMatchesBeforePagingNewestFirst() {
        // given
        CaseFilter realEstate = new CaseFilter(null, null, Category.REAL_ESTATE, null, null, null, null, null);

        // when
        Page<PetitionCase> second = cases.list(query(realEstate), PageRequest.of(1, 1));

        // then
        assertThat(second.items()).extracting(PetitionCase::id).containsExactly("pattern");
        assertThat(second.totalElements()).isEqualTo(2);
    }

    @Test
    void readsTheTitlesOfNamedMattersLeavingOutUnknownIds() {
        // when / then
        assertThat(cases.titles(List.of("elevator", "slash", "no-such-case")))
                .containsOnlyKeys("elevator", "slash")
                .containsEntry("elevator", "加装电梯(一期)纠纷");
    }

    private List<String> ids(CaseFilter filter) {
        return cases.list(query(filter), FIRST_PAGE).items().stream().map(PetitionCase::id).toList();
    }

    private static CaseQuery query(CaseFilter filter) {
        return CaseQuery.of(filter, CaseFixtures.OFFICE);
    }
}
