package org.duban.intake.progress.web;

import java.time.ZoneOffset;

import org.duban.intake.api.ProgressApi;
import org.duban.intake.api.model.ProgressStage;
import org.duban.intake.api.model.ProgressStep;
import org.duban.intake.api.model.PublicProgressRequest;
import org.duban.intake.api.model.UnitKind;
import org.duban.intake.progress.PublicProgress;
import org.duban.intake.progress.PublicProgressService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PublicProgressController implements ProgressApi {

    private final PublicProgressService progress;

    PublicProgressController(PublicProgressService progress) {
        this.progress = progress;
    }

    @Override
    public ResponseEntity<org.duban.intake.api.model.PublicProgress> getPublicProgress(PublicProgressRequest request) {
        PublicProgress found = progress.progress(
                new org.duban.intake.progress.PublicProgressRequest(request.getQueryCode()));
        return ResponseEntity.ok(new org.duban.intake.api.model.PublicProgress(found.stages().stream()
                .map(PublicProgressController::view).toList())
                .dueAt(found.dueAt() == null ? null : found.dueAt().atOffset(ZoneOffset.UTC)));
    }

    private static ProgressStep view(org.duban.intake.progress.ProgressStep step) {
        return new ProgressStep(ProgressStage.fromValue(step.stage().name()), step.at().atOffset(ZoneOffset.UTC))
                .bodyKind(step.bodyKind() == null ? null : UnitKind.fromValue(step.bodyKind().name()));
    }
}
