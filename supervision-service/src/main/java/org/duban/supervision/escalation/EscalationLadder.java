package org.duban.supervision.escalation;

import java.util.HashSet;
import java.util.List;

/** The office's ordered escalation ladder (e.g. reminder → supervision order → notice → written self-review → interview). */
public record EscalationLadder(List<EscalationStep> steps) {

    public EscalationLadder {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("the escalation ladder needs at least one step");
        }
        if (new HashSet<>(steps).size() != steps.size()) {
            throw new IllegalArgumentException("a step appears twice on the escalation ladder: " + steps);
        }
        steps = List.copyOf(steps);
    }

    /** The step after {@code reached} (the first when null); null when {@code reached} is the last. */
    public EscalationStep after(EscalationStep reached) {
        int index = reached == null ? -1 : steps.indexOf(reached);
        return index + 1 < steps.size() ? steps.get(index + 1) : null;
    }

    /** The highest step of the ladder among {@code taken}; null when none is on it. */
    public EscalationStep highestOf(List<EscalationStep> taken) {
        EscalationStep highest = null;
        for (EscalationStep step : steps) {
            if (taken.contains(step)) {
                highest = step;
            }
        }
        return highest;
    }
}
