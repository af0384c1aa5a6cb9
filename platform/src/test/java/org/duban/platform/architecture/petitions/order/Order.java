package org.duban.platform.architecture.petitions.order;

import java.time.Instant;

public record Order(String id, Instant openedAt) {
}
