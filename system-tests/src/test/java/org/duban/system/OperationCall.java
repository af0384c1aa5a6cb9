package org.duban.system;

import java.util.function.Function;
import java.util.function.Supplier;

import org.duban.contracts.access.CallerKind;

/**
 * How the authorization matrix calls one operation of the OpenAPI documents.
 *
 * @param operationId              the operation
 * @param prepare                  makes the requests, once per run of the operation, when its turn comes (so
 *                                 it may wait for or read what earlier operations left): the same request for
 *                                 every caller unless an allowed caller needs an object of its own
 * @param probe                    a supervisor's read that shows whether the operation changed anything, or
 *                                 null: it must answer the same before and after the refused callers
 * @param laterAllowedMayBeRefused whether an allowed caller after the first may get a state problem (409, 400)
 *                                 instead of a 2xx, because the first one's call changed the object
 */
record OperationCall(String operationId, Supplier<Function<CallerKind, MatrixRequest>> prepare,
        Supplier<MatrixRequest> probe, boolean laterAllowedMayBeRefused) {

    /** Every caller sends the same request, made when the operation's turn comes. */
    static OperationCall of(String operationId, Supplier<MatrixRequest> request) {
        return new OperationCall(operationId, () -> {
            MatrixRequest made = request.get();
            return caller -> made;
        }, null, false);
    }

    /** Each caller's request depends on who calls (an allowed caller that needs an object of its own). */
    static OperationCall perCaller(String operationId, Function<CallerKind, MatrixRequest> request) {
        return new OperationCall(operationId, () -> request, null, false);
    }

    OperationCall probedBy(Supplier<MatrixRequest> read) {
        return new OperationCall(operationId, prepare, read, laterAllowedMayBeRefused);
    }

    OperationCall allowingStateProblemsAfterTheFirst() {
        return new OperationCall(operationId, prepare, probe, true);
    }
}
