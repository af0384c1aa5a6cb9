package org.duban.console.units;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.duban.client.intake.model.RegisterUnitRequest;
import org.duban.client.intake.model.UnitContact;
import org.duban.client.intake.model.UnitKind;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * The registration form of a unit, as typed (text only, so a refused form comes back as it was).
 * Contact rows left empty are not sent; the rows shown are the filled ones, in order, so that the
 * platform's {@code contacts[i]} errors sit beside the row they name.
 */
record UnitForm(String code, String name, String kind, List<ContactRow> contacts, String idempotencyKey) {

    /** Rows a new form shows. */
    static final int BLANK_ROWS = 3;
    /** The most rows the platform takes (RegisterUnitRequest.contacts maxItems). */
    static final int MAX_ROWS = 20;

    UnitForm {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    record ContactRow(String name, String role, String phone, String email) {

        boolean empty() {
            return Stream.of(name, role, phone, email).allMatch(value -> value == null || value.isBlank());
        }

        static ContactRow blank() {
            return new ContactRow("", "", "", "");
        }
    }

    static UnitForm blank() {
        return new UnitForm("", "", "", List.of(), IdempotencyKeys.fresh()).withRows(BLANK_ROWS);
    }

    /** The filled rows, then blank ones up to {@code rows} (never fewer than the filled ones). */
    UnitForm withRows(int rows) {
        List<ContactRow> filled = new ArrayList<>(contacts.stream().filter(row -> !row.empty()).toList());
        while (filled.size() < Math.min(rows, MAX_ROWS)) {
            filled.add(ContactRow.blank());
        }
        return new UnitForm(code, name, kind, filled, IdempotencyKeys.orFresh(idempotencyKey));
    }

    RegisterUnitRequest request(TypedInput input) {
        UnitKind unitKind = input.choice("kind", kind, UnitKind.class);
        List<UnitContact> sent = contacts.stream().filter(row -> !row.empty())
                .map(row -> new UnitContact().name(TypedInput.text(row.name())).role(TypedInput.text(row.role()))
                        .phone(TypedInput.text(row.phone())).email(TypedInput.text(row.email())))
                .toList();
        return new RegisterUnitRequest().code(TypedInput.text(code)).name(TypedInput.text(name)).kind(unitKind)
                .contacts(sent);
    }
}
