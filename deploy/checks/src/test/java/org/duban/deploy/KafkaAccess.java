package org.duban.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Who may do what on Kafka: {@code deploy/compose/kafka-access.txt}, which compose's kafka-init grants and
 * the Kubernetes KafkaUsers must grant too, and what the services' own configuration says they need.
 */
final class KafkaAccess {

    static final String FILE = "deploy/compose/kafka-access.txt";
    static final List<String> SERVICES = List.of("intake-service", "supervision-service", "notification-service",
            "reporting-service");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");
    private static final Pattern CONSTANT = Pattern.compile("String ([A-Z_]+) = \"([^\"]+)\"");

    /** One grant: a user may do these operations (e.g. Describe, Write) on a topic or a group. */
    record Grant(String user, String type, String name, Set<String> operations) {
        @Override
        public String toString() {
            return user + " " + type + " " + name + " " + String.join(",", operations);
        }
    }

    private KafkaAccess() {
    }

    /** The grants of kafka-access.txt. */
    static Set<Grant> table() {
        Set<Grant> grants = new TreeSet<>(java.util.Comparator.comparing(Grant::toString));
        for (String line : Repository.read(Repository.file(FILE)).lines().toList()) {
            String content = line.replaceAll("#.*", "").trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalStateException(FILE + ": not 'user type name operations': " + line);
            }
            grants.add(grant(fields[0], fields[1], fields[2], List.of(fields[3].split(","))));
        }
        return grants;
    }

    static Grant grant(String user, String type, String name, List<String> operations) {
        return new Grant(user, type.toLowerCase(java.util.Locale.ROOT), name, new TreeSet<>(operations));
    }

    /**
     * What the services' configuration needs: each service describes the topics it names
     * ({@code duban.kafka.topics}), writes the one named after it and its own dead-letter topic, reads the
     * topics its listeners name, and reads with its consumer group (its name) if it has listeners.
     */
    static Set<Grant> needed() {
        Map<String, String> topicConstants = topicConstants();
        Set<Grant> grants = new TreeSet<>(java.util.Comparator.comparing(Grant::toString));
        for (String service : SERVICES) {
            String own = "duban." + service.replace("-service", "") + ".events";
            Set<String> consumed = consumedTopics(service, topicConstants);
            for (String topic : namedTopics(service)) {
                if (topic.equals(own)) {
                    grants.add(grant(service, "topic", topic, List.of("Describe", "Write")));
                } else if (consumed.contains(topic)) {
                    grants.add(grant(service, "topic", topic, List.of("Describe", "Read")));
                } else {
                    grants.add(grant(service, "topic", topic, List.of("Describe")));
                }
            }
            grants.add(grant(service, "topic", "duban." + service + ".dlt", List.of("Describe", "Write")));
            if (!consumed.isEmpty()) {
                grants.add(grant(service, "group", service, List.of("Read")));
            }
        }
        return grants;
    }

    @SuppressWarnings("unchecked")
    private static List<String> namedTopics(String service) {
        // the first document: the one without a profile
        Map<String, Object> yaml = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Repository.read(Repository.file(service + "/src/main/resources/application.yml")))
                .iterator().next();
        Map<String, Object> duban = (Map<String, Object>) yaml.get("duban");
        Map<String, Object> kafka = (Map<String, Object>) duban.get("kafka");
        return ((List<Object>) kafka.get("topics")).stream().map(String::valueOf).toList();
    }

    private static Set<String> consumedTopics(String service, Map<String, String> topicConstants) {
        Set<String> consumed = new TreeSet<>();
        for (Path source : Repository.filesUnder(Repository.file(service + "/src/main/java"), ".java")) {
            Matcher listener = LISTENER.matcher(Repository.read(source));
            while (listener.find()) {
                Matcher constant = TOPIC_CONSTANT.matcher(listener.group(1));
                while (constant.find()) {
                    consumed.add(Objects.requireNonNull(topicConstants.get(constant.group(1)), constant.group()));
                }
            }
        }
        return consumed;
    }

    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = CONSTANT.matcher(Repository.read(
                Repository.file("contracts/src/main/java/org/duban/contracts/events/Topics.java")));
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    /** The users of the table, in order of appearance. */
    static List<String> users() {
        List<String> users = new ArrayList<>();
        table().forEach(grant -> {
            if (!users.contains(grant.user())) {
                users.add(grant.user());
            }
        });
        return users;
    }
}
