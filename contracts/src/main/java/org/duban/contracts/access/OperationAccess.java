package org.duban.contracts.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One operation of an OpenAPI document and who may call it, as its {@code x-duban-roles} declares, with the
 * rules that say what every other caller gets ({@link #expected}) and whether the declaration is usable at
 * all ({@link #problems}).
 *
 * @param document    the document's file name, e.g. {@code intake.yaml}
 * @param operationId the operation's id
 * @param method      the HTTP method, upper case
 * @param path        the path template, e.g. {@code /api/v1/assignments/{assignmentId}}
 * @param open        whether the operation's effective {@code security} is empty (no token needed)
 * @param declared    the values of {@code x-duban-roles} as written, or null when it is missing or no list
 * @param responses   the response codes the operation documents ({@code 200}, {@code 404}, …)
 */
public record OperationAccess(String document, String operationId, String method, String path, boolean open,
        List<String> declared, Set<String> responses) {

    public OperationAccess {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        declared = declared == null ? null : List.copyOf(declared);
        responses = Set.copyOf(responses);
    }

    /** How the operation is named in messages: {@code intake.yaml acceptAssignment (POST /api/v1/…)}. */
    public String name() {
        return document + " " + operationId + " (" + method + " " + path + ")";
    }

    /** Whether calling it may change something (anything but GET and HEAD). */
    public boolean mutating() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    /** Whether the path names an object ({@code {…}}), which may belong to a unit. */
    public boolean namesAnObject() {
        return path.contains("{");
    }

    /**
     * The declared values.
     *
     * @throws IllegalStateException when the declaration has {@link #problems}
     */
    public Set<Access> roles() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(name() + ": " + String.join("; ", problems));
        }
        return declared.stream().map(Access::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Access.class)));
    }

    /** What is wrong with the declaration, in words that say what to fix; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (operationId == null || operationId.isBlank()) {
            problems.add("has no operationId");
        }
        if (declared == null || declared.isEmpty()) {
            problems.add("declares no " + Access.EXTENSION + ": say who may call it, from "
                    + Arrays.toString(Access.values()));
            return problems;
        }
        Set<Access> roles = EnumSet.noneOf(Access.class);
        for (String value : declared) {
            Access access = Arrays.stream(Access.values()).filter(known -> known.name().equals(value)).findFirst()
                    .orElse(null);
            if (access == null) {
                problems.add(Access.EXTENSION + " names " + value + ", which is none of " + Arrays.toString(Access.values()));
            } else if (!roles.add(access)) {
                problems.add(Access.EXTENSION + " names " + value + " twice");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (roles.contains(Access.PUBLIC) && roles.size() > 1) {
            problems.add("PUBLIC stands alone: anyone may call it");
        }
        if (roles.contains(Access.PUBLIC) != open) {
            problems.add(open ? "needs no token (security: []) but is not declared PUBLIC"
                    : "is declared PUBLIC but its security asks for a token: add security: []");
        }
        if (!namesAnObject() && (roles.contains(Access.OWNING_UNIT) || roles.contains(Access.OFFICE_INBOX))) {
            problems.add("names no object in its path, so nothing can be owned: use ANY_UNIT or an office role");
        }
        if (roles.contains(Access.ANY_UNIT) && roles.contains(Access.OWNING_UNIT)) {
            problems.add("ANY_UNIT already lets the owning unit in: name one of them");
        }
        if (roles.contains(Access.SUPERVISOR) && roles.contains(Access.OFFICE_INBOX)) {
            problems.add("SUPERVISOR already lets every supervisor in: name one of SUPERVISOR and OFFICE_INBOX");
        }
        if (responses.stream().noneMatch(code -> code.startsWith("2"))) {
            problems.add("documents no 2xx response");
        }
        if (problems.isEmpty()) {
            Map<Answer, List<String>> undocumented = new EnumMap<>(Answer.class);
            for (CallerKind caller : CallerKind.values()) {
                Answer answer = expected(roles, caller);
                if (answer != Answer.ALLOWED && !responses.contains(answer.status())) {
                    undocumented.computeIfAbsent(answer, a -> new ArrayList<>()).add(caller.description());
                }
            }
            undocumented.forEach((answer, callers) -> problems.add("answers " + String.join(", ", callers) + " "
                    + answer.status() + " but does not document a '" + answer.status() + "' response"));
        }
        return problems;
    }

    /** What the caller gets, as far as access goes. */
    public Answer expected(CallerKind caller) {
        return expected(roles(), caller);
    }

    private static Answer expected(Set<Access> roles, CallerKind caller) {
        if (caller.presentsUnusableToken()) {
            return Answer.UNAUTHENTICATED;
        }
        if (roles.contains(Access.PUBLIC)) {
            return Answer.ALLOWED;
        }
        return switch (caller) {
            case SUPERVISOR -> roles.contains(Access.SUPERVISOR) ? Answer.ALLOWED
                    : roles.contains(Access.OFFICE_INBOX) ? Answer.NOT_FOUND : Answer.FORBIDDEN;
            case LEADER -> roles.contains(Access.LEADER) ? Answer.ALLOWED : Answer.FORBIDDEN;
            case OWNING_UNIT -> roles.contains(Access.ANY_UNIT) || roles.contains(Access.OWNING_UNIT) ? Answer.ALLOWED
                    : Answer.FORBIDDEN;
            case OTHER_UNIT -> roles.contains(Access.ANY_UNIT) ? Answer.ALLOWED
                    : roles.contains(Access.OWNING_UNIT) ? Answer.NOT_FOUND : Answer.FORBIDDEN;
            case NO_TOKEN, FORGED_SIGNATURE, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, MIXED_ROLES ->
                    Answer.UNAUTHENTICATED;
        };
    }
}
