package org.duban.platform.architecture.petitions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("duban.petitions")
public record PetitionsProperties(Duration reminderAfter) {
}
