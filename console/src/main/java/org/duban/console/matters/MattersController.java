package org.duban.console.matters;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.model.CasePage;
import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Channel;
import org.duban.client.intake.model.ModelCase;
import org.duban.client.intake.model.Origin;
import org.duban.client.intake.model.RegisterCaseRequest;
import org.duban.client.intake.model.ReissuedQueryCode;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.Flash;
import org.duban.console.web.PageView;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信访事项: the list with its search and filters (supervisors, leaders), registering a matter (supervisors)
 * and its receipt (回执). The query code (查询码) comes only in the platform's answer to the registration or
 * to a reissue (补发查询码): it travels to the receipt as a flash attribute of the redirect, in the session,
 * never in a URL or a log, and the receipt shows it that one time.
 */
@Controller
class MattersController {

    static final int MATTERS_PER_PAGE = 20;
    /** The flash attribute that carries the query code from the registration to its receipt. */
    static final String QUERY_CODE = "queryCode";

    private final CasesApi cases;
    private final UnitDirectory units;
    private final ConsoleProperties properties;

    MattersController(CasesApi cases, UnitDirectory units, ConsoleProperties properties) {
        this.cases = cases;
        this.units = units;
        this.properties = properties;
    }

    @GetMapping("/matters")
    String list(@ModelAttribute("filters") MatterFilters filters, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        CasePage found = cases.listCases(filters.query(), null, filters.categoryChoice(), filters.channelChoice(),
                filters.originChoice(), filters.prominentChoice(), filters.from(), filters.toExclusive(),
                Math.max(0, page), MATTERS_PER_PAGE);
        model.addAttribute("matters", found.getItems());
        model.addAttribute("page", PageView.of(request, "/matters", found.getPage()));
        model.addAttribute("filtered", filters.any());
        choices(model);
        return "matters/index";
    }

    @GetMapping("/matters/new")
    String registration(ConsoleUser user, Model model) {
        return form(user, MatterForm.blank(), model);
    }

    @PostMapping("/matters")
    String register(ConsoleUser user, @ModelAttribute MatterForm matterForm, Model model,
            RedirectAttributes redirect) {
        TypedInput input = new TypedInput(properties.officeZone());
        RegisterCaseRequest request = matterForm.request(input);
        Attempt<ModelCase> registered = input.attempt(() -> cases.registerCase(request, matterForm.idempotencyKey()));
        if (registered.refused()) {
            model.addAttribute("problem", registered.problem());
            return form(user, matterForm.kept(), model);
        }
        redirect.addFlashAttribute(QUERY_CODE, registered.value().getQueryCode());
        redirect.addAttribute("caseId", registered.value().getId());
        return Flash.redirect(redirect, "matters.registered", "/matters/{caseId}/receipt");
    }

    /**
     * 补发查询码 (supervisors): the platform issues a new code for a lost receipt and the old one stops working;
     * the new code travels to the receipt like a registration's, in the flash, shown that one time. A matter
     * changed by someone else meanwhile (409) goes back to its page, saying so.
     */
    @PostMapping("/matters/{caseId}/query-code")
    String reissueQueryCode(@PathVariable String caseId, RedirectAttributes redirect) {
        Attempt<ReissuedQueryCode> reissued = Attempt.of(() -> cases.reissueQueryCode(caseId));
        redirect.addAttribute("caseId", caseId);
        if (reissued.refused()) {
            return Flash.redirect(redirect, "matters.queryCode.notReissued", "/matters/{caseId}");
        }
        redirect.addFlashAttribute(QUERY_CODE, reissued.value().getQueryCode());
        return Flash.redirect(redirect, "matters.queryCode.reissued", "/matters/{caseId}/receipt");
    }

    /**
     * The receipt; the query code is in the model only on the redirect right after the registration or a
     * reissue.
     */
    @GetMapping("/matters/{caseId}/receipt")
    String receipt(ConsoleUser user, @PathVariable String caseId, Model model) {
        ModelCase matter = cases.getCase(caseId);
        model.addAttribute("matter", matter);
        model.addAttribute("petitioner", user.isSupervisor() ? matter.getPetitioner() : null);
        return "matters/receipt";
    }

    private String form(ConsoleUser user, MatterForm matterForm, Model model) {
        model.addAttribute("matterForm", matterForm);
        model.addAttribute("units", units.all(user));
        choices(model);
        return "matters/new";
    }

    private static void choices(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("origins", Origin.values());
        model.addAttribute("categories", Category.values());
    }
}
