package org.duban.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's words are all in messages_zh_CN.properties: every key a template names exists, every
 * value of every API enum a page labels has its label, and no Chinese is written into the Java code.
 */
class MessagesTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.\\-]*)[}(]");
    private static final Pattern ENUM_PREFIX = Pattern.compile("enum\\.([A-Z][A-Za-z]+)\\.");
    private static final Pattern CJK_IN_STRING = Pattern.compile("\"[^\"\\n]*[\\u4e00-\\u9fff][^\"\\n]*\"");
    private static final List<String> MODEL_PACKAGES = List.of("org.duban.client.intake.model",
            "org.duban.client.supervision.model", "org.duban.client.notification.model",
            "org.duban.client.reporting.model", "org.duban.client.gateway.model");

    private static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(MAIN.resolve("resources/messages_zh_CN.properties"))) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static List<Path> files(String under, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN.resolve(under))) {
            return walk.filter(path -> path.toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties messages = messages();
        Set<String> missing = new TreeSet<>();
        for (Path template : files("resources/templates", ".html")) {
            Matcher key = LITERAL_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!messages.containsKey(key.group(1))) {
                    missing.add(key.group(1) + " (" + template.getFileName() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueOfEveryEnumAPageLabelsHasItsLabel() throws IOException {
        Properties messages = messages();
        Set<String> types = new TreeSet<>();
        for (String under : List.of("resources/templates", "java")) {
            for (Path file : files(under, under.equals("java") ? ".java" : ".html")) {
                Matcher type = ENUM_PREFIX.matcher(Files.readString(file));
                while (type.find()) {
                    types.add(type.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String type : types) {
            for (String value : valuesOf(type)) {
                if (!messages.containsKey("enum." + type + "." + value)) {
                    missing.add("enum." + type + "." + value);
                }
            }
        }
        assertThat(types).contains("Category", "AssignmentStatus", "SupervisionTrigger", "MeasureKind", "Rating");
        assertThat(missing).isEmpty();
    }

    @Test
    void theJavaCodeHoldsNoChineseText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path java : files("java", ".java")) {
            List<String> lines = Files.readAllLines(java);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue;
                }
                if (CJK_IN_STRING.matcher(line).find()) {
                    found.add(java.getFileName() + ":" + (i + 1) + " " + line);
                }
            }
        }
        assertThat(found).as("texts belong in messages_zh_CN.properties").isEmpty();
    }

    /** The constants of the generated client's enum of that name (the first package that has it). */
    private static List<String> valuesOf(String type) {
        for (String model : MODEL_PACKAGES) {
            try {
                Class<?> found = Class.forName(model + "." + type);
                if (found.isEnum()) {
                    return Stream.of(found.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
                }
            } catch (ClassNotFoundException e) {
                // not in this package
            }
        }
        return List.of(); // a label family of the console's own (e.g. EvaluationChannel), checked by the first test
    }
}
