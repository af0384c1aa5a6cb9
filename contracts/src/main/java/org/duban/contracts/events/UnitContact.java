package org.duban.contracts.events;

/** A responsible unit's official contact (a staff member's work details, not a petitioner's). */
public record UnitContact(String name, String role, String phone, String email) {
}
