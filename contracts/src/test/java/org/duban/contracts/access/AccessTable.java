package org.duban.contracts.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/api-access.md: who may call each operation of the OpenAPI documents and what everyone else gets,
 * rendered from the operations' {@code x-duban-roles}.
 */
final class AccessTable {

    static final String REGENERATE = "./mvnw -o -q -pl contracts test -Dtest=AccessTableTest -Dduban.docs.write=true";

    private static final Map<Access, String> WHO = new EnumMap<>(Map.of(
            Access.PUBLIC, "anyone, no token needed",
            Access.SUPERVISOR, "supervisor",
            Access.LEADER, "leader",
            Access.ANY_UNIT, "any unit (its own only)",
            Access.OWNING_UNIT, "the owning unit",
            Access.OFFICE_INBOX, "supervisor (office inbox only)"));

    private AccessTable() {
    }

    static String render(List<OperationAccess> operations) {
        StringBuilder out = new StringBuilder();
        out.append("# Who may call what (API access)\n\n")
                .append("<!-- Generated from the x-duban-roles of the operations in contracts/src/main/resources/openapi\n")
                .append("     by contracts' AccessTableTest; do not edit. After changing a document: ")
                .append(REGENERATE).append(" -->\n\n")
                .append("Every operation of the OpenAPI documents declares who may call it in its `")
                .append(Access.EXTENSION).append("` extension; `AccessDeclarationsTest` (module `contracts`) fails the build\n")
                .append("for an operation without a usable declaration, and `AuthorizationMatrixIT` (module `system-tests`)\n")
                .append("calls every operation through the gateway as each of ten callers and checks the answer below.\n")
                .append(operations.size()).append(" operations.\n\n")
                .append("## The vocabulary\n\n")
                .append("| `").append(Access.EXTENSION).append("` | who may call |\n|---|---|\n");
        for (Access access : Access.values()) {
            out.append("| `").append(access.name()).append("` | ").append(access.meaning()).append(" |\n");
        }
        out.append("""

                ## What everyone else gets

                - **401** (`urn:duban:problem:unauthenticated`): no token, unless the operation is `PUBLIC`; and, on
                  every operation, `PUBLIC` ones included, a token that is unusable: signed with another key, expired,
                  of another issuer (`iss` is not `DUBAN_JWT_ISSUER`), for another audience (`aud` without `duban`), or
                  mixing `UNIT` with an office role. The gateway refuses it, and every service again.
                - **403** (`urn:duban:problem:forbidden`): a usable token whose role the operation is not for — a
                  leader where `LEADER` is not declared, a supervisor where `SUPERVISOR` is not, a unit where neither
                  `ANY_UNIT` nor `OWNING_UNIT` is. The role is checked before anything is looked up, so a 403 says
                  nothing about the object.
                - **404** (`urn:duban:problem:not-found`): under `OWNING_UNIT`, another unit asking for the object,
                  exactly as if it did not exist; under `OFFICE_INBOX`, a supervisor asking for a message in a unit's
                  inbox.
                - Under `ANY_UNIT` a list answers a unit only its own objects, whatever `unitId` it asks for.

                In the tables, *token refused* stands for the five unusable tokens above.
                """);
        Map<String, List<OperationAccess>> byDocument = new LinkedHashMap<>();
        operations.forEach(operation -> byDocument.computeIfAbsent(operation.document(), d -> new ArrayList<>())
                .add(operation));
        byDocument.forEach((document, listed) -> {
            out.append("\n## `").append(document).append("`\n\n")
                    .append("| operation | call | who may call | everyone else |\n|---|---|---|---|\n");
            for (OperationAccess operation : listed) {
                out.append("| `").append(operation.operationId()).append("` | `").append(operation.method()).append(' ')
                        .append(operation.path()).append("` | ").append(who(operation.roles())).append(" | ")
                        .append(others(operation)).append(" |\n");
            }
        });
        return out.toString();
    }

    private static String who(Set<Access> roles) {
        return String.join(", ", roles.stream().map(WHO::get).toList());
    }

    /** The callers who are not let in, grouped by their answer: {@code 404: another unit; 403: leader, …}. */
    private static String others(OperationAccess operation) {
        Map<Answer, List<String>> byAnswer = new EnumMap<>(Answer.class);
        for (Answer answer : List.of(Answer.NOT_FOUND, Answer.FORBIDDEN, Answer.UNAUTHENTICATED)) {
            List<String> callers = new ArrayList<>();
            for (CallerKind caller : CallerKind.values()) {
                if (operation.expected(caller) == answer) {
                    callers.add(label(operation, caller));
                }
            }
            if (!callers.isEmpty()) {
                byAnswer.put(answer, callers.stream().distinct().toList());
            }
        }
        List<String> parts = new ArrayList<>();
        for (Answer answer : List.of(Answer.NOT_FOUND, Answer.FORBIDDEN, Answer.UNAUTHENTICATED)) {
            if (byAnswer.containsKey(answer)) {
                parts.add(answer.status() + ": " + String.join(", ", byAnswer.get(answer)));
            }
        }
        return String.join("; ", parts);
    }

    private static String label(OperationAccess operation, CallerKind caller) {
        if (caller.presentsUnusableToken()) {
            return "token refused";
        }
        boolean unitsAlike = operation.expected(CallerKind.OWNING_UNIT) == operation.expected(CallerKind.OTHER_UNIT);
        return switch (caller) {
            case NO_TOKEN -> "no token";
            case SUPERVISOR -> "supervisor";
            case LEADER -> "leader";
            case OWNING_UNIT -> unitsAlike ? "units" : "the owning unit";
            case OTHER_UNIT -> unitsAlike ? "units" : "another unit";
            default -> throw new IllegalArgumentException(caller.name());
        };
    }
}
