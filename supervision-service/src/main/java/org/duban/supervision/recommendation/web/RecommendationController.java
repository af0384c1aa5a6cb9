package org.duban.supervision.recommendation.web;

import static org.duban.supervision.web.ApiViews.instant;
import static org.duban.supervision.web.ApiViews.pageInfo;
import static org.duban.supervision.web.ApiViews.utc;

import java.net.URI;
import java.time.Clock;

import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.duban.supervision.api.RecommendationsApi;
import org.duban.supervision.api.model.IssueRecommendationRequest;
import org.duban.supervision.api.model.RecommendationFeedbackRequest;
import org.duban.supervision.api.model.RecommendationKind;
import org.duban.supervision.api.model.RecommendationPage;
import org.duban.supervision.recommendation.IssueRecommendation;
import org.duban.supervision.recommendation.Recommendation;
import org.duban.supervision.recommendation.RecommendationService;
import org.duban.supervision.recommendation.RecommendationSnapshot;
import org.duban.supervision.recommendation.RecommendationSnapshot.Addressing;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/recommendations}: recommendations (三项建议), as {@code supervision.yaml} describes them. */
@RestController
class RecommendationController implements RecommendationsApi {

    private final RecommendationService recommendations;
    private final CurrentCaller caller;
    private final Clock clock;

    RecommendationController(RecommendationService recommendations, CurrentCaller caller, Clock clock) {
        this.recommendations = recommendations;
        this.caller = caller;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Recommendation> issueRecommendation(
            IssueRecommendationRequest request, String idempotencyKey) {
        Recommendation issued = recommendations.issue(caller.get(), new IssueRecommendation(
                org.duban.supervision.recommendation.RecommendationKind.valueOf(request.getKind().getValue()),
                request.getUnitId(), request.getAddressee(), request.getAssignmentId(), request.getText(),
                instant(request.getFeedbackDueAt())), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/recommendations/" + issued.id())).body(view(issued));
    }

    @Override
    public ResponseEntity<RecommendationPage> listRecommendations(String unitId, RecommendationKind kind,
            Boolean overdue, Integer page, Integer size) {
        Page<Recommendation> found = recommendations.list(caller.get(), unitId,
                kind == null ? null : org.duban.supervision.recommendation.RecommendationKind.valueOf(kind.getValue()),
                overdue, PageRequest.of(page, size));
        return ResponseEntity.ok(new RecommendationPage(found.items().stream().map(this::view).toList(),
                pageInfo(found)));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Recommendation> getRecommendation(String id) {
        return ResponseEntity.ok(view(recommendations.get(caller.get(), id)));
    }

    @Override
    public ResponseEntity<org.duban.supervision.api.model.Recommendation> answerRecommendation(String id,
            RecommendationFeedbackRequest request) {
        return ResponseEntity.ok(view(recommendations.answer(caller.get(), id, request.getAdopted(), request.getText())));
    }

    private org.duban.supervision.api.model.Recommendation view(Recommendation recommendation) {
        RecommendationSnapshot r = recommendation.snapshot();
        Addressing addressing = r.addressing();
        org.duban.supervision.api.model.Recommendation view = new org.duban.supervision.api.model.Recommendation(
                r.id(), RecommendationKind.fromValue(r.kind().name()), r.text(), utc(r.feedbackDueAt()),
                recommendation.answered(), recommendation.overdue(clock.instant()), utc(r.issuedAt()))
                .unitId(addressing.unitId()).addressee(addressing.addressee())
                .assignmentId(addressing.assignmentId()).caseId(addressing.caseId());
        if (r.answer() != null) {
            view.adopted(r.answer().adopted()).answer(r.answer().text()).answeredAt(utc(r.answer().at()))
                    .answeredLate(r.answer().late());
        }
        return view;
    }
}
