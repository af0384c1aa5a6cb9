package org.duban.supervision.reminder;

import java.util.Objects;

/**
 * The last reminder (催办) issued for a subject: which deadline it was about and its colour. A
 * reminder belongs to one deadline: when the deadline moves (an extension, a send-back, a reopened
 * order) the reminders of the new one are due again.
 */
public record Reminded(Deadline deadline, AlertColour colour) {

    public Reminded {
        Objects.requireNonNull(deadline, "deadline");
        if (colour != AlertColour.YELLOW && colour != AlertColour.RED) {
            throw new IllegalArgumentException("only YELLOW and RED are reminded: " + colour);
        }
    }

    /** The colour already reminded for {@code current}, or null when none was for this deadline. */
    public static AlertColour colourFor(Reminded reminded, Deadline current) {
        return reminded != null && reminded.deadline().equals(current) ? reminded.colour() : null;
    }
}
