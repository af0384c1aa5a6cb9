package org.duban.platform.architecture.petitions.api.model;

public record OrderBody(String id) {
}
