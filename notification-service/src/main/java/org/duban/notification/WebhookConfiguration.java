package org.duban.notification;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.duban.notification.routing.RoutingRules;
import org.duban.notification.webhook.HostResolver;
import org.duban.notification.webhook.TargetGuard;
import org.duban.notification.webhook.WebhookService;
import org.duban.notification.webhook.mongo.MongoWebhookEndpoints;
import org.duban.notification.webhook.mongo.MongoWebhookSecretsReencryption;
import org.duban.platform.crypto.FieldCipher;
import org.duban.platform.crypto.FieldEncryptionConfiguration;
import org.duban.platform.crypto.ReencryptableDocuments;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.idempotency.mongo.MongoIdempotencyKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The units' webhook endpoints. Their secrets are stored encrypted under the field keyset (ADR 0011); at each
 * start, endpoints not yet under its primary key are written again under it.
 */
@Configuration(proxyBeanMethods = false)
@Import(FieldEncryptionConfiguration.class)
class WebhookConfiguration {

    @Bean
    WebhookService webhookService(MongoDatabase database, FieldCipher cipher, RoutingRules rules,
            NotificationProperties properties, Clock clock) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        IdempotentCreations creations = new IdempotentCreations(
                new MongoIdempotencyKeys(database, clock, webhooks.idempotencyRetention()), clock);
        TargetGuard guard = new TargetGuard(
                new TargetGuard.Settings(webhooks.allowHttp(), webhooks.allowLoopback(), webhooks.allowPrivate()),
                HostResolver.SYSTEM);
        return new WebhookService(new MongoWebhookEndpoints(database, cipher), guard, rules.unitEventTypes(),
                webhooks.secretGrace(), creations, clock);
    }

    @Bean
    ReencryptableDocuments webhookSecretsReencryption(MongoDatabase database, FieldCipher cipher) {
        return new MongoWebhookSecretsReencryption(database, cipher);
    }
}
