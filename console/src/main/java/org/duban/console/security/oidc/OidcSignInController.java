package org.duban.console.security.oidc;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages around the identity provider: sign in (and why a sign-in was refused), signed out. */
@Controller
@Profile("!local")
class OidcSignInController {

    @GetMapping("/signin")
    String signIn(HttpSession session, Model model) {
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException refused) {
            model.addAttribute("refusedBecause", refused.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("signInUrl", OidcSignInConfiguration.AUTHORIZE);
        return "signin/oidc";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signin/signed-out";
    }
}
