package org.duban.notification.webhook.web;

import static org.duban.notification.web.ApiViews.utc;

import java.util.List;

import org.duban.notification.api.WebhooksApi;
import org.duban.notification.api.model.RegisterWebhookRequest;
import org.duban.notification.api.model.Webhook;
import org.duban.notification.api.model.WebhookList;
import org.duban.notification.api.model.WebhookWithSecret;
import org.duban.notification.webhook.WebhookEndpoint;
import org.duban.notification.webhook.WebhookRegistration;
import org.duban.notification.webhook.WebhookService;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks over HTTP: the generated {@link WebhooksApi} mapped onto {@link WebhookService}. */
@RestController
class WebhookController implements WebhooksApi {

    private final WebhookService webhooks;
    private final CurrentCaller caller;

    WebhookController(WebhookService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<WebhookWithSecret> registerWebhook(RegisterWebhookRequest request, String idempotencyKey) {
        WebhookRegistration registration = webhooks.register(caller.get(), request.getUrl(), request.getEvents(),
                idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(withSecret(registration));
    }

    @Override
    public ResponseEntity<WebhookList> listWebhooks() {
        return ResponseEntity.ok(new WebhookList(webhooks.list(caller.get()).stream().map(WebhookController::view).toList()));
    }

    @Override
    public ResponseEntity<Void> deleteWebhook(String webhookId) {
        webhooks.delete(caller.get(), webhookId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<WebhookWithSecret> rotateWebhookSecret(String webhookId) {
        return ResponseEntity.ok(withSecret(webhooks.rotateSecret(caller.get(), webhookId)));
    }

    private static Webhook view(WebhookEndpoint endpoint) {
        return new Webhook(endpoint.id(), endpoint.unitId(), endpoint.url().toString(), events(endpoint),
                Webhook.StatusEnum.valueOf(endpoint.status().name()), utc(endpoint.createdAt()))
                .disabledReason(endpoint.disabledReason());
    }

    private static WebhookWithSecret withSecret(WebhookRegistration registration) {
        WebhookEndpoint endpoint = registration.endpoint();
        return new WebhookWithSecret(endpoint.id(), endpoint.unitId(), endpoint.url().toString(), events(endpoint),
                WebhookWithSecret.StatusEnum.valueOf(endpoint.status().name()), utc(endpoint.createdAt()),
                registration.secret())
                .previousSecretExpiresAt(utc(registration.previousSecretExpiresAt()));
    }

    private static List<String> events(WebhookEndpoint endpoint) {
        return endpoint.eventTypes().stream().sorted().toList();
    }
}
