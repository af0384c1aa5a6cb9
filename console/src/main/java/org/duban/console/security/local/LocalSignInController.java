package org.duban.console.security.local;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.client.gateway.api.DevTokensApi;
import org.duban.client.gateway.model.DevToken;
import org.duban.client.gateway.model.DevTokenRequest;
import org.duban.client.gateway.model.DevTokenRequest.RolesEnum;
import org.duban.client.intake.api.UnitsApi;
import org.duban.client.intake.model.Unit;
import org.duban.console.platform.Attempt;
import org.duban.console.security.ConsoleRole;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.TypedInput;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClientException;

/** {@code /signin} in the local profile: pick a role (and a unit), get a dev token, work. */
@Controller
@Profile("local")
class LocalSignInController {

    /** The subject of the token the sign-in page lists the units with. */
    static final String UNIT_PICKER_SUBJECT = "console-signin";

    private final DevTokensApi devTokens;
    private final UnitsApi units;
    private final LocalAccessTokens tokens;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final HttpSessionSecurityContextRepository contexts;
    private final RequestCache requestCache;

    LocalSignInController(DevTokensApi devTokens, UnitsApi units, LocalAccessTokens tokens,
            SessionAuthenticationStrategy sessionStrategy, HttpSessionSecurityContextRepository contexts,
            RequestCache requestCache) {
        this.devTokens = devTokens;
        this.units = units;
        this.tokens = tokens;
        this.sessionStrategy = sessionStrategy;
        this.contexts = contexts;
        this.requestCache = requestCache;
    }

    /** What the sign-in form holds; text only, so a refused sign-in shows it again as typed. */
    record SignInForm(String subject, String role, String unitId) {
    }

    @GetMapping("/signin")
    String page(Model model) {
        model.addAttribute("form", new SignInForm("", ConsoleRole.SUPERVISOR.name(), ""));
        return show(model);
    }

    @PostMapping("/signin")
    String signIn(@ModelAttribute("form") SignInForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        TypedInput input = new TypedInput(ZoneOffset.UTC);
        ConsoleRole role = input.choice("roles", form.role(), ConsoleRole.class);
        if (!input.valid()) {
            model.addAttribute("problem", input.problem());
            return show(model);
        }
        String unitId = role == ConsoleRole.UNIT ? TypedInput.text(form.unitId()) : null;
        Attempt<DevToken> issued = Attempt.of(() -> devTokens.issueDevToken(new DevTokenRequest()
                .subject(TypedInput.text(form.subject()))
                .roles(List.of(RolesEnum.fromValue(role.name())))
                .unitId(unitId)));
        if (issued.refused()) {
            model.addAttribute("problem", issued.problem());
            return show(model);
        }
        ConsoleUser user = new ConsoleUser(form.subject().strip(), form.subject().strip(), Set.of(role), unitId);
        DevTokenAuthentication authentication = new DevTokenAuthentication(user, issued.value().getToken(),
                issued.value().getExpiresAt().toInstant());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        sessionStrategy.onAuthentication(authentication, request, response);
        contexts.saveContext(context, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }

    private String show(Model model) {
        model.addAttribute("roles", ConsoleRole.values());
        model.addAttribute("units", unitsToPickFrom());
        return "signin/local";
    }

    /** The registered units, listed with a supervisor dev token of the page's own; none when the platform is down. */
    private List<Unit> unitsToPickFrom() {
        try {
            DevToken token = devTokens.issueDevToken(new DevTokenRequest().subject(UNIT_PICKER_SUBJECT)
                    .roles(List.of(RolesEnum.SUPERVISOR)));
            return tokens.actingWith(token.getToken(), () -> units.listUnits(0, 200).getItems());
        } catch (RestClientException e) {
            return List.of();
        }
    }
}
