package org.duban.intake.cases.web;

import static org.duban.intake.web.ApiViews.pageInfo;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.duban.intake.api.CasesApi;
import org.duban.intake.api.model.CasePage;
import org.duban.intake.api.model.CaseSummary;
import org.duban.intake.api.model.Category;
import org.duban.intake.api.model.Channel;
import org.duban.intake.api.model.ModelCase;
import org.duban.intake.api.model.Origin;
import org.duban.intake.api.model.Petitioner;
import org.duban.intake.api.model.RegisterCaseRequest;
import org.duban.intake.api.model.ReissuedQueryCode;
import org.duban.intake.cases.CaseDetails;
import org.duban.intake.cases.CaseFilter;
import org.duban.intake.cases.CaseService;
import org.duban.intake.cases.PetitionCase;
import org.duban.intake.cases.RegisterCase;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaseController implements CasesApi {

    private final CaseService cases;
    private final CurrentCaller caller;

    CaseController(CaseService cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<ModelCase> registerCase(RegisterCaseRequest request, String idempotencyKey) {
        Petitioner petitioner = request.getPetitioner();
        CaseService.Registered registered = cases.register(caller.get(), new RegisterCase(
                request.getTitle(),
                request.getSummary(),
                PetitionCase.Channel.valueOf(request.getChannel().getValue()),
                PetitionCase.Origin.valueOf(request.getOrigin().getValue()),
                PetitionCase.Category.valueOf(request.getCategory().getValue()),
                new PetitionCase.Petitioner(petitioner.getName(), petitioner.getIdNumber(), petitioner.getPhone()),
                Boolean.TRUE.equals(request.getProminent()),
                Boolean.TRUE.equals(request.getWhistleblowing()),
                request.getAccusedUnitIds(),
                !Boolean.FALSE.equals(request.getFirstTime()),
                Boolean.TRUE.equals(request.getBacklog()),
                request.getLeaderInCharge(),
                request.getRepeatOfCaseId()), idempotencyKey);
        PetitionCase registeredCase = registered.petitionCase();
        return ResponseEntity.created(URI.create("/api/v1/cases/" + registeredCase.id()))
                .body(view(registeredCase).petitioner(petitioner(registeredCase.details().petitioner()))
                        .queryCode(registered.queryCode()));
    }

    @Override
    public ResponseEntity<ReissuedQueryCode> reissueQueryCode(String caseId) {
        CaseService.ReissuedQueryCode reissued = cases.reissueQueryCode(caller.get(), caseId);
        return ResponseEntity.ok(new ReissuedQueryCode(reissued.caseId(), reissued.queryCode(),
                reissued.reissuedAt().atOffset(ZoneOffset.UTC)));
    }

    @Override
    public ResponseEntity<ModelCase> getCase(String caseId) {
        CaseDetails details = cases.get(caller.get(), caseId);
        return ResponseEntity.ok(view(details.petitionCase())
                .petitioner(details.petitioner().map(CaseController::petitioner).orElse(null)));
    }

    @Override
    public ResponseEntity<CasePage> listCases(String q, List<String> ids, Category category, Channel channel,
            Origin origin, Boolean prominent, LocalDate registeredFrom, LocalDate registeredTo, Integer page,
            Integer size) {
        CaseFilter filter = new CaseFilter(q, ids,
                category == null ? null : PetitionCase.Category.valueOf(category.getValue()),
                channel == null ? null : PetitionCase.Channel.valueOf(channel.getValue()),
                origin == null ? null : PetitionCase.Origin.valueOf(origin.getValue()),
                prominent, registeredFrom, registeredTo);
        Page<PetitionCase> found = cases.list(caller.get(), filter, PageRequest.of(page, size));
        return ResponseEntity.ok(new CasePage(found.items().stream().map(CaseController::summary).toList(),
                pageInfo(found)));
    }

    /** The matter without its petitioner, who is added only where the caller may see them. */
    static ModelCase view(PetitionCase petitionCase) {
        RegisterCase details = petitionCase.details();
        return new ModelCase(petitionCase.id(), details.title(), details.summary(),
                Channel.fromValue(details.channel().name()), Origin.fromValue(details.origin().name()),
                Category.fromValue(details.category().name()), details.prominent(),
                details.whistleblowing(), details.accusedUnitIds(), details.firstTime(),
                details.backlog(), petitionCase.registeredAt().atOffset(ZoneOffset.UTC))
                .leaderInCharge(details.leaderInCharge())
                .repeatOfCaseId(details.repeatOfCaseId());
    }

    private static Petitioner petitioner(PetitionCase.Petitioner petitioner) {
        return new Petitioner(petitioner.name()).idNumber(petitioner.idNumber()).phone(petitioner.phone());
    }

    /** A list entry: never the petitioner. */
    static CaseSummary summary(PetitionCase petitionCase) {
        RegisterCase details = petitionCase.details();
        return new CaseSummary(petitionCase.id(), details.title(), Channel.fromValue(details.channel().name()),
                Origin.fromValue(details.origin().name()), Category.fromValue(details.category().name()),
                details.prominent(), details.whistleblowing(), details.firstTime(),
                petitionCase.registeredAt().atOffset(ZoneOffset.UTC));
    }
}
