package org.duban.console.security.local;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.duban.client.gateway.model.DevToken;
import org.duban.client.gateway.model.DevTokenRequest;
import org.duban.client.gateway.model.DevTokenRequest.RolesEnum;
import org.duban.console.ConsoleFixtures;
import org.duban.console.ConsoleTest;
import org.duban.console.security.ConsoleRole;
import org.duban.console.security.ConsoleUser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LocalSignInControllerTest extends ConsoleTest {

    private static final OffsetDateTime IN_TWELVE_HOURS = OffsetDateTime.now(ZoneOffset.UTC).plusHours(12);

    @BeforeEach
    void theGatewaySignsDevTokens() {
        when(devTokens.issueDevToken(any())).thenAnswer(call -> {
            DevTokenRequest asked = call.getArgument(0);
            return new DevToken().token("dev-token-of-" + asked.getSubject()).expiresAt(IN_TWELVE_HOURS);
        });
    }

    @Test
    void theSignInPageOffersTheThreeRolesAndTheRegisteredUnits() throws Exception {
        // when
        Document page = page(get("/signin"));

        // then
        assertThat(page.select("input[name=role]").eachAttr("value")).containsExactly("SUPERVISOR", "LEADER", "UNIT");
        assertThat(page.select("#field-unitId option").eachText())
                .containsExactly("城关街道办事处（CGJD）", "区教育局（JYJ）");
        assertThat(page.select("[data-visible-when='role=UNIT']")).hasSize(1);
    }

    @Test
    void theSignInPageLinksTheApiDocumentsTheGatewayServes() throws Exception {
        // when
        Document page = page(get("/signin"));

        // then
        assertThat(page.select("footer a[href=/swagger-ui.html]").text()).isEqualTo("接口文档（API）");
    }

    @Test
    void aSupervisorSignsInWithADevTokenKeptInTheSessionAndLandsOnTheBoard() throws Exception {
        // given
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();

        // when
        MvcResult result = mvc.perform(post("/signin").session(session).with(itsCookie(session)).with(csrf())
                        .param("subject", "zhang.wei").param("role", "SUPERVISOR"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn();

        // then
        ArgumentCaptor<DevTokenRequest> asked = ArgumentCaptor.forClass(DevTokenRequest.class);
        verify(devTokens, org.mockito.Mockito.atLeastOnce()).issueDevToken(asked.capture());
        assertThat(asked.getAllValues()).anySatisfy(request -> {
            assertThat(request.getSubject()).isEqualTo("zhang.wei");
            assertThat(request.getRoles()).containsExactly(RolesEnum.SUPERVISOR);
        });
        MockHttpSession signedIn = (MockHttpSession) result.getRequest().getSession();
        assertThat(signedIn.getId()).as("a new session id at sign-in").isNotEqualTo(before);
        SecurityContext context = (SecurityContext) signedIn
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        DevTokenAuthentication authentication = (DevTokenAuthentication) context.getAuthentication();
        assertThat(authentication.getPrincipal())
                .isEqualTo(new ConsoleUser("zhang.wei", "zhang.wei", java.util.Set.of(ConsoleRole.SUPERVISOR), null));
        assertThat(authentication.token()).isEqualTo("dev-token-of-zhang.wei");
        assertThat(authentication.getCredentials()).as("the token never leaves through the authentication").isNull();

        // and the board is the supervisor's start
        mvc.perform(get("/").session(signedIn)).andExpect(redirectedUrl("/board"));
    }

    @Test
    void aUnitsStaffSignsInForTheirUnitAndStartsAtTheirDesk() throws Exception {
        // when
        MvcResult result = mvc.perform(post("/signin").with(csrf())
                        .param("subject", "wang.fang").param("role", "UNIT").param("unitId", "unit-cg"))
                .andExpect(redirectedUrl("/"))
                .andReturn();

        // then
        verify(devTokens).issueDevToken(argThat(request -> "wang.fang".equals(request.getSubject())
                && request.getRoles().equals(List.of(RolesEnum.UNIT)) && "unit-cg".equals(request.getUnitId())));
        mvc.perform(get("/").session((MockHttpSession) result.getRequest().getSession()))
                .andExpect(redirectedUrl("/desk"));
    }

    @Test
    void aSignInAfterOpeningAPageReturnsToThatPage() throws Exception {
        // given
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/units").session(session)).andExpect(redirectedUrl("/signin"));

        // when / then
        mvc.perform(post("/signin").session(session).with(csrf())
                        .param("subject", "zhang.wei").param("role", "SUPERVISOR"))
                .andExpect(redirectedUrl("http://localhost/units"));
    }

    @Test
    void aRefusedSignInShowsTheGatewaysReasonBesideTheFieldAndKeepsTheName() throws Exception {
        // given
        doThrow(ConsoleFixtures.invalid("subject", "size must be between 1 and 64")).when(devTokens)
                .issueDevToken(argThat(request -> request != null && request.getSubject().startsWith("x")));

        // when
        Document page = page(post("/signin").with(csrf()).param("subject", "x".repeat(70)).param("role", "LEADER"));

        // then
        assertThat(page.select("#error-subject").text()).isEqualTo("长度应在 1 到 64 之间");
        assertThat(page.select("#field-subject").val()).isEqualTo("x".repeat(70));
        assertThat(page.select("input[name=role][checked]").val()).isEqualTo("LEADER");
    }

    @Test
    void aRoleThatIsNotOneOfTheThreeIsRefusedWithoutAskingTheGateway() throws Exception {
        // when
        Document page = page(post("/signin").with(csrf()).param("subject", "mallory").param("role", "ADMIN"));

        // then
        assertThat(page.select("#error-roles").text()).isEqualTo("格式不正确");
        verify(devTokens, org.mockito.Mockito.never()).issueDevToken(argThat(request -> "mallory".equals(request.getSubject())));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        // given
        MvcResult signedIn = mvc.perform(post("/signin").with(csrf()).param("subject", "zhang.wei").param("role", "SUPERVISOR"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();

        // when
        mvc.perform(post("/signout").session(session).with(csrf())).andExpect(redirectedUrl("/signin?signedOut"));

        // then
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void theSignInPageStillWorksWhenThePlatformCannotListTheUnits() throws Exception {
        // given
        when(units.listUnits(any(), any())).thenThrow(new org.springframework.web.client.ResourceAccessException("down"));

        // when
        Document page = page(get("/signin"));

        // then
        assertThat(page.select("input#field-unitId[type=text]")).as("the unit id can be typed instead").hasSize(1);
    }

    /**
     * The session's id as the browser's cookie sends it: a servlet container then says the requested session is
     * valid, which is what Spring Security's session fixation protection checks before changing the id (a mock
     * request with a session but no requested id says it is not, since Spring Framework 7.0.10).
     */
    private static RequestPostProcessor itsCookie(MockHttpSession session) {
        return request -> {
            request.setRequestedSessionId(session.getId());
            return request;
        };
    }
}
