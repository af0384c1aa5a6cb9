package org.duban.console.desk;

import org.duban.console.web.TypedInput;

/** A yes/no question answered with two radios (是否化解, 是否采纳): the API's boolean, or null unanswered. */
enum YesNo {
    YES, NO;

    static Boolean read(TypedInput input, String field, String value) {
        YesNo answer = input.choice(field, value, YesNo.class);
        return answer == null ? null : answer == YES;
    }
}
