package org.duban.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.console.platform.PlatformProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Says a refusal in the console's language. The platform's problem documents are in English; the
 * messages it is known to send are matched here and shown as the glossary's Chinese
 * ({@code problem.text.*} in messages_zh_CN.properties). A message not known yet is shown as the
 * platform wrote it, so nothing is ever hidden. Templates call it as {@code @problemTexts}.
 */
@Component("problemTexts")
public class ProblemTexts {

    /** Whole-message patterns (matched in order) and the key of their Chinese; groups become {0}, {1}… */
    private static final Map<Pattern, String> KNOWN = new LinkedHashMap<>();

    static {
        known("is required|must not be (?:null|blank|empty)", "required");
        known("must be at most (\\d+) characters", "too-long");
        known("size must be between (\\d+) and (\\d+)", "length");
        known("must be 1 to (\\d+) characters", "too-long");
        known("must match \".*\"|has an invalid value|is not readable JSON", "malformed");
        known("must be a well-formed email address", "email");
        known("must be greater than or equal to (\\d+)|must be at least (\\d+)|must be 0 or more", "at-least");
        known("must be less than or equal to (\\d+)", "at-most");
        known("must be between (\\d+) and (\\d+)", "between");
        known("must be one of \\[.*\\]", "not-a-choice");
        known("is not a known field", "unknown-field");
        known("cannot lie in the future|must not be in the future", "not-future");
        known("must be in the future", "in-future");
        known("cannot lie before the assignment was issued", "before-issue");
        known("must not be before the assignment was issued.*", "before-issue");
        known("must not be before the measure was issued.*", "before-measure");
        known("must not be more than (\\d+) seconds? in the future", "future-seconds");
        known("must not be more than (\\d+) minutes? in the future", "future-minutes");
        known("must not be more than (\\d+) hours? in the future", "future-hours");
        known("must lie after the acceptance deadline .*", "after-acceptance-deadline");
        known("a whistleblowing matter must name the units it accuses", "accused-required");
        known("only a whistleblowing matter accuses units", "accused-only-whistleblowing");
        known("must be a name of 1 to (\\d+) characters", "name-length");
        known("must be false for a repeat petition.*", "repeat-not-first-time");
        known("not (?:a )?registered units?: (.*)", "unknown-unit");
        known("not a registered matter: (.*)", "unknown-matter");
        known("is only for an upheld objection", "reassign-only-upheld");
        known("must be another unit than the one that objected", "reassign-other-unit");
        known("is required when the objection is upheld", "reassign-required");
        known("is only for SEND_BACK", "new-due-only-send-back");
        known("a report sent back needs a new deadline in the future", "send-back-needs-deadline");
        known("must be after from", "to-after-from");
        known("must be at most (\\d+) days after from", "period-too-long");
        known("must be a year from (\\d+) to (\\d+)", "year-range");
        known("no assignment \\S+ is known", "unknown-assignment");
        known("no supervision order \\S+ .*", "unknown-order");
        known("the assignment is not the unit's", "assignment-of-other-unit");
        known("an IMPROVE_WORK recommendation is addressed to a unit", "improve-work-needs-unit");
        known("a \\S+ recommendation needs its addressee", "recommendation-needs-addressee");
        known("is required for \\S+", "required");
        known("does not apply to \\S+", "not-applicable");
        known("case \\S+ accuses unit \\S+.*", "accused-unit");
        known("case \\S+ has no concluded assignment.*", "not-concluded-yet");
        known("an extension request is already waiting for a decision", "extension-pending");
        known("extensions of an assignment total at most (\\d+).*", "extension-total");
        known("extension \\S+ is already (\\S+)", "extension-decided");
        known("assignment \\S+: the objection window closed at .*", "objection-window-closed");
        known("assignment \\S+: an extension must be asked before the deadline .*", "extension-too-late");
        known("a unit with code (\\S+) is already registered", "unit-code-taken");
        known("Idempotency-Key .* was already used for a different request", "idempotency-reused");
        known("assignment \\S+ is already being reassigned to unit .*", "already-reassigned");
        known(".* (?:changed meanwhile|changed concurrently|keeps changing).*", "changed-meanwhile");
        known("no assignment \\S+ of unit \\S+ is known", "assignment-not-of-unit");
    }

    private static void known(String regex, String key) {
        KNOWN.put(Pattern.compile(regex, Pattern.DOTALL), "problem.text." + key);
    }

    private final MessageSource messages;

    ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** One of the platform's messages in Chinese, or as it came when it is not a known one. */
    public String say(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip().replaceAll("[.;]$", "");
        for (Map.Entry<Pattern, String> known : KNOWN.entrySet()) {
            Matcher matcher = known.getKey().matcher(trimmed);
            if (matcher.matches()) {
                List<Object> arguments = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    if (matcher.group(group) != null) {
                        arguments.add(matcher.group(group));
                    }
                }
                return messages.getMessage(known.getValue(), arguments.toArray(), message, locale());
            }
        }
        return message;
    }

    /** The messages for one field, in Chinese. */
    public List<String> errorsFor(PlatformProblem problem, String field) {
        return problem == null ? List.of() : problem.errorsFor(field).stream().map(this::say).toList();
    }

    /**
     * The headline of a refusal: for a state conflict the state by its Chinese name (a "state" the console
     * has no name for, such as "changed concurrently", is said by the detail instead), for a rule the
     * platform's detail in Chinese, for invalid input an invitation to correct the fields below.
     */
    public String headline(PlatformProblem problem) {
        if (problem == null) {
            return "";
        }
        if (problem.invalidInput()) {
            return messages.getMessage("problem.headline.invalid", null, locale());
        }
        String state = problem.state() == null ? null
                : messages.getMessage("state." + problem.state(), null, null, locale());
        if (state != null) {
            return messages.getMessage("problem.headline.state", new Object[] {state}, locale());
        }
        return problem.detail() == null ? messages.getMessage("problem.headline.refused", null, locale())
                : say(problem.detail());
    }

    /** Every field error as "label: message", for the summary at the top of a form. */
    public List<FieldMessage> summary(PlatformProblem problem) {
        if (problem == null) {
            return List.of();
        }
        return problem.errors().stream()
                .map(error -> new FieldMessage(error.field(), label(error.field()), say(error.message())))
                .toList();
    }

    /** A field's label ({@code field.<name>}, indexes dropped), or its name when it has none. */
    public String label(String field) {
        String plain = field.replaceAll("\\[\\d+]", "");
        return messages.getMessage("field." + plain, null, plain, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** One line of the error summary; {@code field} is the anchor of the input it links to. */
    public record FieldMessage(String field, String label, String message) {
    }
}
