package org.duban.supervision.deadline.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline and alert settings ({@code duban.supervision.*}).
 *
 * @param yellowWindow how long before its deadline an assignment turns yellow on the board
 */
@ConfigurationProperties("duban.supervision")
public record DeadlineProperties(@DefaultValue("3d") Duration yellowWindow) {
}
