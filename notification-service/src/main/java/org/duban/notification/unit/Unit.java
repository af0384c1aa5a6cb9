package org.duban.notification.unit;

import java.util.List;
import java.util.Objects;

/**
 * The local copy of a responsible unit, as intake registered it: enough to address its contacts.
 *
 * @param contacts its official contacts; only those with an e-mail address are written to
 */
public record Unit(String id, String code, String name, List<Contact> contacts) {

    public Unit {
        Objects.requireNonNull(id, "id");
        contacts = List.copyOf(contacts);
    }

    /** The addresses its notifications are e-mailed to. */
    public List<String> emailAddresses() {
        return contacts.stream().map(Contact::email).filter(email -> email != null && !email.isBlank()).distinct().toList();
    }

    /** A staff member's work contact. */
    public record Contact(String name, String role, String email) {
    }
}
