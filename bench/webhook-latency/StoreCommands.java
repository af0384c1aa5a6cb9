import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store commands each service sends for one assignment, from the MongoDB driver's command log
 * ({@code LOGGING_LEVEL_ORG_MONGODB_DRIVER_PROTOCOL_COMMAND=DEBUG}, which {@code COMMANDS=1 run.sh} sets) of the
 * platform's last start: for every assignment whose trace runs from intake's request to notification's first
 * delivered webhook attempt, the commands of every service between intake's first command of that trace and the
 * attempt's log line (spaced assignments, RATE=2, keep the windows apart). Prints the first {@code show} windows
 * command by command, then the mean per assignment. Writes (insert, update, delete, findAndModify) are the
 * commands the local store commits and syncs.
 *
 *   java StoreCommands.java LOGS_DIR [show]
 */
public class StoreCommands {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");
    private static final List<String> SERVICES = List.of("intake-service", "notification-service",
            "supervision-service", "reporting-service");
    private static final Pattern COMMAND = Pattern.compile("^(\\S+) DEBUG \\d+ --- \\[[^\\]]+\\] \\[\\s*([^\\]]+)\\] "
            + "\\[([^\\]]*)\\] org\\.mongodb\\.driver\\.protocol\\.command\\s*: Command \"(\\w+)\" started on database "
            + "\"\\w+\".*?Command: \\{\"\\w+\": \"?([^\",]*)");
    private static final Pattern DELIVERED = Pattern.compile(
            "^(\\S+) .*\\[notification-service,(\\w+),.*delivery \\S+ \\(WEBHOOK.*attempt 1 delivered");

    record Command(Instant at, String service, String thread, String trace, String name, String collection) {
        boolean write() {
            return WRITES.contains(name);
        }
    }

    public static void main(String[] args) throws IOException {
        Path logs = Path.of(args[0]);
        int show = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Command> commands = new ArrayList<>();
        Map<String, Instant> delivered = new HashMap<>();
        for (String service : SERVICES) {
            for (String line : lastStart(logs.resolve(service + ".log"))) {
                Matcher command = COMMAND.matcher(line);
                if (command.find()) {
                    String[] context = command.group(3).split(",", -1);
                    commands.add(new Command(Instant.parse(command.group(1)), service, command.group(2).trim(),
                            context.length > 1 ? context[1] : "", command.group(4), command.group(5)));
                }
                Matcher attempt = DELIVERED.matcher(line);
                if (attempt.find()) {
                    delivered.put(attempt.group(2), Instant.parse(attempt.group(1)));
                }
            }
        }
        commands.sort(Comparator.comparing(Command::at));
        Map<String, Instant> started = new HashMap<>();
        for (Command command : commands) {
            if (command.service().equals("intake-service") && delivered.containsKey(command.trace())) {
                started.putIfAbsent(command.trace(), command.at());
            }
        }
        List<String> traces = started.keySet().stream().sorted(Comparator.comparing(started::get)).toList();
        if (traces.isEmpty()) {
            System.out.println("no assignment traced from intake to a delivered attempt: was the command log on?");
            return;
        }
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        int shown = 0;
        for (String trace : traces) {
            Instant from = started.get(trace);
            Instant to = delivered.get(trace);
            if (shown++ < show) {
                System.out.printf("%nassignment (trace %s): %s → attempt logged %s%n", trace, from, to);
            }
            for (Command command : commands) {
                if (command.at().isBefore(from) || command.at().isAfter(to)) {
                    continue;
                }
                if (shown <= show) {
                    System.out.printf("  %s  %-21s %-22s %-14s %-20s%s%s%n", command.at().toString().substring(11),
                            command.service(), abbreviate(command.thread()), command.name(), command.collection(),
                            command.write() ? " WRITE" : "", command.trace().equals(trace) ? "  (its trace)" : "");
                }
                counts.merge(command.service() + " " + command.name() + " " + command.collection(), 1, Integer::sum);
                totals.merge(command.service() + (command.write() ? " writes" : " reads"), 1, Integer::sum);
            }
        }
        System.out.printf("%nStore commands per assignment, request in → first attempt logged (mean of %d assignments; "
                + "other services' work in the same window included):%n", traces.size());
        counts.forEach((key, count) -> System.out.printf("  %-64s %5.2f%s%n", key, count / (double) traces.size(),
                WRITES.contains(key.split(" ")[1]) ? "  write" : ""));
        totals.forEach((key, count) -> System.out.printf("  %-64s %5.2f%n", "total " + key,
                count / (double) traces.size()));
    }

    /** The lines of the part's last start (the launcher starts each with a "=== … starting" line). */
    private static List<String> lastStart(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(log);
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("=== ")) {
                start = i;
            }
        }
        return lines.subList(start, lines.size());
    }

    private static String abbreviate(String thread) {
        return thread.length() <= 22 ? thread : "…" + thread.substring(thread.length() - 21);
    }
}
