package org.duban.console;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.duban.client.gateway.api.DevTokensApi;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.api.EvaluationsApi;
import org.duban.client.intake.api.LawyersApi;
import org.duban.client.intake.api.UnitsApi;
import org.duban.client.notification.api.InboxApi;
import org.duban.client.reporting.api.ReportsApi;
import org.duban.client.reporting.api.ScorecardsApi;
import org.duban.client.reporting.api.StatisticsApi;
import org.duban.client.reporting.api.TimelinesApi;
import org.duban.client.supervision.api.AlertsApi;
import org.duban.client.supervision.api.EscalationsApi;
import org.duban.client.supervision.api.MeasuresApi;
import org.duban.client.supervision.api.RecommendationsApi;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.console.platform.MatterTitles;
import org.duban.console.platform.UnitDirectory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * The console with every API of the platform mocked, driven through MockMvc with the real security
 * (local profile: dev-token sessions from {@link org.duban.console.security.local.SignedInUsers}). All
 * controller tests extend it, so they share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
public abstract class ConsoleTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected UnitDirectory unitDirectory;

    @Autowired
    protected MatterTitles matterTitles;

    @MockitoBean
    protected DevTokensApi devTokens;
    @MockitoBean
    protected UnitsApi units;
    @MockitoBean
    protected CasesApi cases;
    @MockitoBean
    protected AssignmentsApi assignments;
    @MockitoBean
    protected EvaluationsApi evaluations;
    @MockitoBean
    protected LawyersApi lawyers;
    @MockitoBean
    protected AlertsApi alerts;
    @MockitoBean
    protected SupervisionsApi supervisions;
    @MockitoBean
    protected EscalationsApi escalations;
    @MockitoBean
    protected RecommendationsApi recommendations;
    @MockitoBean
    protected MeasuresApi measures;
    @MockitoBean
    protected InboxApi inbox;
    @MockitoBean
    protected StatisticsApi statistics;
    @MockitoBean
    protected ScorecardsApi scorecards;
    @MockitoBean
    protected ReportsApi reports;
    @MockitoBean
    protected TimelinesApi timelines;

    /** Two registered units, as the registry answers; every test starts from a fresh registry copy. */
    @BeforeEach
    void registeredUnits() {
        unitDirectory.forget();
        matterTitles.forget();
        when(units.listUnits(anyInt(), anyInt())).thenReturn(ConsoleFixtures.unitPage(
                List.of(ConsoleFixtures.CHENGGUAN, ConsoleFixtures.EDUCATION_BUREAU)));
        when(units.getUnit(eq(ConsoleFixtures.CHENGGUAN.getId()))).thenReturn(ConsoleFixtures.CHENGGUAN);
        when(units.getUnit(eq(ConsoleFixtures.EDUCATION_BUREAU.getId()))).thenReturn(ConsoleFixtures.EDUCATION_BUREAU);
    }

    /** Performs the request and parses the page it answers. */
    protected Document page(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
