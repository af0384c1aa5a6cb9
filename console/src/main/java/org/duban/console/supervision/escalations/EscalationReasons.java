package org.duban.console.supervision.escalations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says the details of the ladder's reasons in Chinese. The platform words them in English with their
 * figures ("2 supervision order(s) not closed"); the known wordings are matched here and shown as
 * {@code supervision.escalations.detail.*}; one not known yet is shown as it came. Templates call it as
 * {@code @escalationReasons}.
 */
@Component("escalationReasons")
public class EscalationReasons {

    private static final Map<Pattern, String> KNOWN = new LinkedHashMap<>();

    static {
        known("(\\d+) supervision order\\(s\\) not closed", "open-orders");
        known("(\\d+) assignment\\(s\\) overdue, (\\d+) order response\\(s\\) and (\\d+) submission\\(s\\) late or overdue",
                "lateness");
        known("(\\d+) recommendation\\(s\\) unanswered past their deadline", "ignored-recommendations");
    }

    private static void known(String regex, String key) {
        KNOWN.put(Pattern.compile(regex), "supervision.escalations.detail." + key);
    }

    private final MessageSource messages;

    EscalationReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** A reason's detail in Chinese, or as it came when its wording is not a known one. */
    public String say(String detail) {
        if (detail == null) {
            return "";
        }
        for (Map.Entry<Pattern, String> known : KNOWN.entrySet()) {
            Matcher matcher = known.getKey().matcher(detail.strip());
            if (matcher.matches()) {
                Object[] figures = new Object[matcher.groupCount()];
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    figures[group - 1] = matcher.group(group);
                }
                return messages.getMessage(known.getValue(), figures, detail, LocaleContextHolder.getLocale());
            }
        }
        return detail;
    }
}
