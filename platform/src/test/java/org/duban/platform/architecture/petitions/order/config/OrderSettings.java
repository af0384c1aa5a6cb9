package org.duban.platform.architecture.petitions.order.config;

import org.duban.platform.architecture.DeliberateViolation;

@DeliberateViolation("noConfigPackages")
public record OrderSettings(int reminderDays) {
}
