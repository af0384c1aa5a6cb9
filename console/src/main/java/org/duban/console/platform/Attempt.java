package org.duban.console.platform;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.web.client.RestClientResponseException;

/**
 * A call the user asked for that the platform may refuse: invalid input (400) or a state or rule that
 * forbids it (409). Those come back as a {@link PlatformProblem} for the page to show beside the fields,
 * with everything the user typed kept. Anything else (404, 403, 401, 5xx, no answer) is not the user's
 * to fix on this form and goes on to the console's error pages.
 */
public final class Attempt<T> {

    private final T value;
    private final PlatformProblem problem;

    private Attempt(T value, PlatformProblem problem) {
        this.value = value;
        this.problem = problem;
    }

    public static <T> Attempt<T> of(Supplier<T> call) {
        try {
            return new Attempt<>(call.get(), null);
        } catch (RestClientResponseException refused) {
            int status = refused.getStatusCode().value();
            if (status == 400 || status == 409 || status == 422) {
                return new Attempt<>(null, PlatformProblem.of(refused));
            }
            throw refused;
        }
    }

    /** An attempt the console refused itself before calling (the input did not parse). */
    public static <T> Attempt<T> refused(PlatformProblem problem) {
        return new Attempt<>(null, Objects.requireNonNull(problem, "problem"));
    }

    public boolean refused() {
        return problem != null;
    }

    public T value() {
        if (problem != null) {
            throw new IllegalStateException("the call was refused: " + problem);
        }
        return value;
    }

    public PlatformProblem problem() {
        return problem;
    }
}
