package org.duban.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay's settings ({@code duban.outbox.*}).
 *
 * @param enabled      whether this instance runs a relay
 * @param collections  the collections whose documents carry outboxes
 * @param pollInterval how often to look through the collections for events no write named to the relay
 *                     (those of an instance that died, of a publication that failed, of an instance
 *                     without a relay): every write names its document, which is published at once
 * @param lease        how long a claimed document stays claimed if its relay dies
 * @param batchSize    documents claimed and published together (per collection, per round or per batch of wake-ups)
 * @param retryDelay   how long a document whose publication failed waits before the next attempt
 */
@ConfigurationProperties("duban.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> collections,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("100") int batchSize,
        @DefaultValue("2s") Duration retryDelay) {
}
