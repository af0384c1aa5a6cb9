package org.duban.platform.architecture.petitions.webhook;

/** A feature named like an adapter package: it is a feature all the same (only sub-packages are adapters). */
public interface WebhookEndpoints {

    boolean any();
}
