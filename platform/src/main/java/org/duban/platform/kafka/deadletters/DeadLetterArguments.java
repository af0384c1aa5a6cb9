package org.duban.platform.kafka.deadletters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.contracts.events.Topics;

/**
 * What the operator asked for: {@code list} or {@code replay}, which services' dead-letter topics, which of
 * their records ({@code --all} or {@code --offsets partition:offset,…}), whether only to show what would be
 * done ({@code --dry-run}), and where Kafka is ({@code --bootstrap}, {@code --command-config}).
 */
record DeadLetterArguments(Verb verb, String bootstrap, Path commandConfig, List<String> services, boolean all,
        Set<Position> offsets, boolean dryRun) {

    enum Verb { LIST, REPLAY }

    /** A record of the chosen dead-letter topic, written {@code partition:offset}. */
    record Position(int partition, long offset) {

        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }

    static final List<String> SERVICES = List.of("intake-service", "supervision-service", "notification-service",
            "reporting-service");

    static final String USAGE = """
            usage: dead-letters list   [--bootstrap HOST:PORT] [--command-config FILE] [--service intake|supervision|notification|reporting|all]
                   dead-letters replay [--bootstrap HOST:PORT] [--command-config FILE] --service intake|supervision|notification|reporting
                                       (--all | --offsets PARTITION:OFFSET[,PARTITION:OFFSET…]) [--dry-run]
              list    every record on duban.<service>.dlt: its reference, where it came from, when it failed, the
                      event (ce_type, ce_id) and the error; --service defaults to all
              replay  publishes the chosen dead letters again to their original topic (same key, value and
                      headers, plus duban-replayed-from); one already replayed is skipped (--all) or refused (--offsets)
              Kafka settings: --bootstrap or KAFKA_BOOTSTRAP_SERVERS; DUBAN_KAFKA_SECURITY_PROTOCOL, DUBAN_KAFKA_USERNAME,
              DUBAN_KAFKA_PASSWORD_FILE, SPRING_KAFKA_SSL_TRUSTSTORETYPE/LOCATION as the services read them; any
              client property from --command-config FILE (Java properties, as Kafka's own tools take)""";

    private static final Pattern POSITION = Pattern.compile("(\\d{1,9}):(\\d{1,18})");

    static DeadLetterArguments parse(String... args) {
        if (args.length == 0) {
            throw DeadLetterCommandException.usage("say list or replay");
        }
        Verb verb = switch (args[0]) {
            case "list" -> Verb.LIST;
            case "replay" -> Verb.REPLAY;
            default -> throw DeadLetterCommandException.usage("unknown command '" + args[0] + "': say list or replay");
        };
        String bootstrap = null;
        Path commandConfig = null;
        String service = null;
        boolean all = false;
        Set<Position> offsets = new LinkedHashSet<>();
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--bootstrap" -> bootstrap = value(args, ++i, option);
                case "--command-config" -> commandConfig = Path.of(value(args, ++i, option));
                case "--service" -> service = value(args, ++i, option);
                case "--all" -> all = true;
                case "--offsets" -> offsets.addAll(positions(value(args, ++i, option)));
                case "--dry-run" -> dryRun = true;
                default -> throw DeadLetterCommandException.usage("unknown option '" + option + "'");
            }
        }
        List<String> services = services(service, verb);
        if (verb == Verb.LIST && (all || !offsets.isEmpty() || dryRun)) {
            throw DeadLetterCommandException.usage("list takes no --all, --offsets or --dry-run: it shows every dead letter");
        }
        if (verb == Verb.REPLAY && all == !offsets.isEmpty()) {
            throw DeadLetterCommandException.usage("replay needs either --all or --offsets PARTITION:OFFSET,…, not both");
        }
        return new DeadLetterArguments(verb, bootstrap, commandConfig, services, all, Set.copyOf(offsets), dryRun);
    }

    /** The dead-letter topic of the one service a replay names. */
    String deadLetterTopic() {
        return Topics.deadLetter(services.get(0));
    }

    private static List<String> services(String service, Verb verb) {
        if (service == null || service.equals("all")) {
            if (verb == Verb.REPLAY) {
                throw DeadLetterCommandException.usage("replay needs --service intake|supervision|notification|reporting");
            }
            return SERVICES;
        }
        String name = service.endsWith("-service") ? service : service + "-service";
        if (!SERVICES.contains(name)) {
            throw DeadLetterCommandException.usage("unknown service '" + service
                    + "': say intake, supervision, notification, reporting" + (verb == Verb.LIST ? " or all" : ""));
        }
        return List.of(name);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw DeadLetterCommandException.usage(option + " needs a value");
        }
        return args[index];
    }

    private static List<Position> positions(String text) {
        List<Position> positions = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher matcher = POSITION.matcher(part.trim());
            if (!matcher.matches()) {
                throw DeadLetterCommandException.usage("'" + part + "' is not PARTITION:OFFSET (e.g. 0:17)");
            }
            positions.add(new Position(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2))));
        }
        return positions;
    }
}
