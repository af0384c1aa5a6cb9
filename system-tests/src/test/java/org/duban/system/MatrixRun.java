package org.duban.system;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.duban.contracts.access.Access;
import org.duban.contracts.access.Answer;
import org.duban.contracts.access.CallerKind;
import org.duban.contracts.access.OperationAccess;
import org.duban.contracts.problems.ProblemTypes;

/**
 * Calls one operation as each of the ten callers and compares every answer with what the operation's
 * access declaration says: the callers it refuses first (and, where a probe is cheap, a supervisor's read
 * shows that they changed nothing), then the callers it lets in. Collects every mismatch instead of
 * stopping at the first, and every status, for the summary.
 */
final class MatrixRun {

    private static final Set<Integer> ACCESS_STATUSES = Set.of(401, 403, 404);

    private final GatewayCalls calls;
    private final Function<CallerKind, String> tokens;
    private final String supervisor;
    private final List<String> idsOfOwningUnit;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Map<CallerKind, Integer>> statuses = new LinkedHashMap<>();

    MatrixRun(GatewayCalls calls, Function<CallerKind, String> tokens, List<String> idsOfOwningUnit) {
        this.calls = calls;
        this.tokens = tokens;
        this.supervisor = tokens.apply(CallerKind.SUPERVISOR);
        this.idsOfOwningUnit = List.copyOf(idsOfOwningUnit);
    }

    void run(OperationAccess operation, OperationCall call) {
        Function<CallerKind, MatrixRequest> requests = call.prepare().get();
        Map<CallerKind, Integer> answered = statuses.computeIfAbsent(operation.operationId(),
                id -> new EnumMap<>(CallerKind.class));
        List<CallerKind> refused = new ArrayList<>();
        List<CallerKind> allowed = new ArrayList<>();
        for (CallerKind caller : CallerKind.values()) {
            MatrixRequest request = requests.apply(caller);
            if (!request.method().equals(operation.method()) || !template(operation.path()).matcher(request.pathOnly())
                    .matches()) {
                failures.add(operation.name() + ": the matrix sends " + request + " for " + caller
                        + ", which is not this operation");
                return;
            }
            (operation.expected(caller) == Answer.ALLOWED ? allowed : refused).add(caller);
        }
        String before = call.probe() == null ? null : calls.ok(call.probe().get(), supervisor).toString();
        for (CallerKind caller : refused) {
            GatewayCalls.Answer answer = send(requests.apply(caller), caller, answered);
            Answer expected = operation.expected(caller);
            if (!expected.is(answer.status()) || !answer.isProblem()
                    || !answer.body().contains(ProblemTypes.forStatus(answer.status()).toString())) {
                failures.add(operation.name() + " as " + caller + ": expected a " + expected.status() + " problem, got "
                        + answer.contentType() + " " + answer.shown());
            }
        }
        if (before != null) {
            String after = calls.ok(call.probe().get(), supervisor).toString();
            if (!after.equals(before)) {
                failures.add(operation.name() + ": a refused caller changed something; " + call.probe().get()
                        + " answered\n  before: " + before + "\n  after:  " + after);
            }
        }
        boolean first = true;
        for (CallerKind caller : allowed) {
            GatewayCalls.Answer answer = send(requests.apply(caller), caller, answered);
            boolean stateRefusal = answer.isProblem() && !ACCESS_STATUSES.contains(answer.status())
                    && answer.status() < 500;
            if (!answer.successful() && !(call.laterAllowedMayBeRefused() && !first && stateRefusal)) {
                failures.add(operation.name() + " as " + caller + ": expected 2xx, got " + answer.shown());
            }
            if (caller == CallerKind.OTHER_UNIT && operation.roles().contains(Access.ANY_UNIT)) {
                idsOfOwningUnit.stream().filter(answer.body()::contains).forEach(id -> failures.add(operation.name()
                        + " as " + caller + ": the answer shows " + id + " of the owning unit: " + answer.shown()));
            }
            first = false;
        }
    }

    int operationsRun() {
        return statuses.size();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** One line per operation: the status each caller got, in {@link CallerKind} order. */
    String summary() {
        StringBuilder out = new StringBuilder(String.format("%-28s", "operation"));
        for (CallerKind caller : CallerKind.values()) {
            out.append(String.format(" %5s", caller.name().substring(0, Math.min(5, caller.name().length()))));
        }
        statuses.forEach((operation, answers) -> {
            out.append(String.format("%n%-28s", operation));
            answers.values().forEach(status -> out.append(String.format(" %5d", status)));
        });
        return out.toString();
    }

    private GatewayCalls.Answer send(MatrixRequest request, CallerKind caller, Map<CallerKind, Integer> answered) {
        GatewayCalls.Answer answer = calls.send(request, tokens.apply(caller));
        answered.put(caller, answer.status());
        return answer;
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }
}
