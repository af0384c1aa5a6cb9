package org.duban.console.supervision.measures;

import org.duban.client.supervision.model.MeasureRecordRequest;
import org.duban.console.web.TypedInput;

/**
 * Recording that an interview (约谈) was held: when, in office time, and its minutes.
 *
 * @param heldAt null on a new form, which then shows the scheduled time for the supervisor to correct if
 *               the interview moved
 */
record RecordForm(String heldAt, String minutes) {

    static RecordForm blank() {
        return new RecordForm(null, "");
    }

    MeasureRecordRequest request(TypedInput input) {
        return new MeasureRecordRequest()
                .heldAt(input.dateTime("heldAt", heldAt))
                .minutes(TypedInput.text(minutes));
    }
}
