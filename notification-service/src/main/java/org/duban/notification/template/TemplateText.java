package org.duban.notification.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small subset of Mustache: {@code {{field}}} is replaced by the field's value;
 * {@code {{#field}}…{{/field}}} is kept only when the field has a value (not empty, not "false");
 * {@code {{^field}}…{{/field}}} only when it has none. Sections of different fields may nest. An unknown field is empty.
 */
final class TemplateText {

    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])([\\w.]+)}}(.*?)\\{\\{/\\2}}", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\{\\{([\\w.]+)}}");

    private TemplateText() {
    }

    static String render(String template, Map<String, String> fields) {
        String withSections = template;
        String before;
        do {
            before = withSections;
            withSections = sections(before, fields);
        } while (!withSections.equals(before));
        Matcher values = FIELD.matcher(withSections);
        StringBuilder result = new StringBuilder();
        while (values.find()) {
            String value = fields.get(values.group(1));
            values.appendReplacement(result, Matcher.quoteReplacement(value == null ? "" : value));
        }
        values.appendTail(result);
        return result.toString().strip();
    }

    /** One pass over the outermost sections; the caller repeats it for sections inside sections. */
    private static String sections(String template, Map<String, String> fields) {
        Matcher sections = SECTION.matcher(template);
        StringBuilder result = new StringBuilder();
        while (sections.find()) {
            boolean present = isPresent(fields.get(sections.group(2)));
            boolean keep = sections.group(1).equals("#") == present;
            sections.appendReplacement(result, Matcher.quoteReplacement(keep ? sections.group(3) : ""));
        }
        sections.appendTail(result);
        return result.toString();
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isEmpty() && !value.equals("false");
    }
}
