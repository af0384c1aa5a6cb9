package org.duban.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The environment variables one application reads, found in its sources the way Spring finds them:
 *
 * <ol>
 *   <li>placeholders {@code ${NAME:default}} in its {@code application*.yml} (and, for the four
 *       services, the platform's {@code duban-platform-defaults.yml}; the gateway and the console use no
 *       platform library and are read alone) and in {@code @Value} strings;</li>
 *   <li>relaxed binding: every property key it defines in those files, every
 *       {@code @ConfigurationProperties} prefix with each record component, and every key in Spring
 *       Boot's configuration metadata on the class path, turned into its environment form as Spring
 *       does it (dots to underscores, dashes removed, upper case: {@code duban.kafka.replication-factor}
 *       is {@code DUBAN_KAFKA_REPLICATIONFACTOR}); under a {@code @ConfigurationProperties} component
 *       a longer name is also read (nested values, map entries);</li>
 *   <li>the JVM's own {@code JAVA_TOOL_OPTIONS}.</li>
 * </ol>
 */
final class ApplicationSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern VALUE_KEY = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.\\-]+)[:}]");
    private static final Pattern PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\"([a-z0-9.\\-]+)\"\\)\\s*(?:public\\s+)?record\\s+\\w+\\s*\\(");
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([a-zA-Z0-9.\\-\\[\\]]+)\"");
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");
    /** Applications built without the platform library: only their own module configures them. */
    private static final Set<String> WITHOUT_PLATFORM = Set.of("gateway", "console");

    private final String application;
    private final Set<String> placeholders = new TreeSet<>();
    private final Set<String> exactKeys = new TreeSet<>();
    private final Set<String> nestedKeys = new TreeSet<>();

    private ApplicationSettings(String application) {
        this.application = application;
    }

    static ApplicationSettings of(String application) {
        ApplicationSettings settings = new ApplicationSettings(application);
        List<Path> modules = WITHOUT_PLATFORM.contains(application) ? List.of(Repository.file(application))
                : List.of(Repository.file(application), Repository.file("platform"));
        for (Path module : modules) {
            for (Path yaml : Repository.filesUnder(module.resolve("src/main/resources"), ".yml", ".yaml")) {
                if (yaml.getFileName().toString().startsWith("application")
                        || yaml.getFileName().toString().equals("duban-platform-defaults.yml")) {
                    settings.readYaml(Repository.read(yaml));
                }
            }
            for (Path java : Repository.filesUnder(module.resolve("src/main/java"), ".java")) {
                settings.readJava(Repository.read(java));
            }
        }
        settings.readBootMetadata();
        return settings;
    }

    /** Whether the application reads this environment variable. */
    boolean reads(String variable) {
        if (JVM.contains(variable) || placeholders.contains(variable)) {
            return true;
        }
        for (String key : exactKeys) {
            if (environmentForm(key).equals(variable)) {
                return true;
            }
        }
        for (String key : nestedKeys) {
            String form = environmentForm(key);
            if (form.equals(variable) || variable.startsWith(form + "_")) {
                return true;
            }
        }
        return false;
    }

    String application() {
        return application;
    }

    static String environmentForm(String propertyKey) {
        return propertyKey.replace("[", "").replace("]", "").replace("-", "").replace('.', '_')
                .toUpperCase(java.util.Locale.ROOT);
    }

    void readYaml(String text) {
        collectPlaceholders(text);
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            flatten("", document);
        }
    }

    void readJava(String source) {
        collectPlaceholders(source);
        Matcher value = VALUE_KEY.matcher(source);
        while (value.find()) {
            exactKeys.add(value.group(1));
        }
        Matcher properties = PROPERTIES.matcher(source);
        while (properties.find()) {
            String prefix = properties.group(1);
            for (String component : recordComponents(source, properties.end())) {
                nestedKeys.add(prefix + "." + kebab(component));
            }
        }
    }

    private void readBootMetadata() {
        try {
            Enumeration<URL> resources = getClass().getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            for (URL url : Collections.list(resources)) {
                try (InputStream in = url.openStream()) {
                    Matcher name = METADATA_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (name.find()) {
                        exactKeys.add(name.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collectPlaceholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
    }

    private void flatten(String prefix, Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value));
        } else if (!prefix.isEmpty()) {
            exactKeys.add(prefix);
        }
    }

    /** The component names of the record whose parameter list starts at {@code start}. */
    private static List<String> recordComponents(String source, int start) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if ((c == ',' || c == ')') && depth == 0) {
                String[] words = current.toString().trim().split("[^A-Za-z0-9_]+");
                if (words.length > 0 && !words[words.length - 1].isEmpty()) {
                    names.add(words[words.length - 1]);
                }
                current.setLength(0);
                if (c == ')') {
                    break;
                }
                continue;
            }
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            }
            if (depth == 0) {
                current.append(c);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
