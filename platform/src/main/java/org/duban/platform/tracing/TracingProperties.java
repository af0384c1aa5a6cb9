package org.duban.platform.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the platform adds to a service's traces ({@code duban.tracing.*}); sampling and export are Spring Boot's
 * {@code management.tracing.*}.
 *
 * @param storeCommands a span for every store command within a sampled trace ({@link StoreCommandSpans}): each
 *                      command's time in the trace, at the cost of a span per command (an API call sends two to
 *                      five); off unless asked
 */
@ConfigurationProperties("duban.tracing")
public record TracingProperties(@DefaultValue("false") boolean storeCommands) {
}
