package org.duban.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.duban.local.FreePort;

/**
 * The whole platform as the launcher runs it: every part a separate process, on free ports, with a
 * data directory of its own. Everything goes through {@code ./duban}, as a newcomer would do it.
 */
final class LocalPlatform {

    static final List<String> APPS = List.of("gateway", "intake-service", "supervision-service",
            "notification-service", "reporting-service", "console");
    static final List<String> PARTS = List.of("kafka", "mongo", "gateway", "intake-service", "supervision-service",
            "notification-service", "reporting-service", "console");

    private final Path root;
    private final Path work;
    private final Path dataDir;
    private final Map<String, String> environment = new LinkedHashMap<>();

    LocalPlatform(Path root, Path work) throws IOException {
        this.root = root;
        this.work = work;
        this.dataDir = work.resolve("data");
        Files.createDirectories(work);
        environment.put("DUBAN_DATA_DIR", dataDir.toString());
        List<String> portVariables = List.of("DUBAN_GATEWAY_PORT", "DUBAN_INTAKE_PORT", "DUBAN_SUPERVISION_PORT",
                "DUBAN_NOTIFICATION_PORT", "DUBAN_REPORTING_PORT", "DUBAN_CONSOLE_PORT", "DUBAN_KAFKA_PORT", "DUBAN_KAFKA_CONTROLLER_PORT",
                "DUBAN_MONGO_PORT",
                // health and metrics: each application's management port, free like the others
                "DUBAN_GATEWAY_MANAGEMENT_PORT", "DUBAN_INTAKE_MANAGEMENT_PORT", "DUBAN_SUPERVISION_MANAGEMENT_PORT",
                "DUBAN_NOTIFICATION_MANAGEMENT_PORT", "DUBAN_REPORTING_MANAGEMENT_PORT", "DUBAN_CONSOLE_MANAGEMENT_PORT");
        List<Integer> ports = FreePort.distinct(portVariables.size());
        for (int i = 0; i < ports.size(); i++) {
            environment.put(portVariables.get(i), Integer.toString(ports.get(i)));
        }
        environment.put("DUBAN_START_TIMEOUT", "300");
        // supervision looks for deadlines that passed every few seconds rather than every minute, so that a
        // deadline a test lets pass is noticed while the test runs (the sweep itself is the production one)
        environment.put("DUBAN_SUPERVISION_SWEEP_INTERVAL", "5s");
    }

    /** Sets a variable for every part this platform starts from now on (before {@link #start()}). */
    void setEnvironment(String name, String value) {
        environment.put(name, value);
    }

    /** The data directory: the store's and the broker's files, the logs, the keys. */
    Path dataDir() {
        return dataDir;
    }

    String kafkaBootstrap() {
        return "localhost:" + environment.get("DUBAN_KAFKA_PORT");
    }

    String gatewayUrl() {
        return "http://localhost:" + environment.get("DUBAN_GATEWAY_PORT");
    }

    /** A file of the platform's keys ({@code <data dir>/keys/<name>}), e.g. the dev token key {@code jwt-private.pem}. */
    Path keyFile(String name) {
        return dataDir.resolve("keys").resolve(name);
    }

    /** The log file of a part ({@code <data dir>/logs/<part>.log}, as {@code ./duban logs} shows it). */
    Path logFile(String part) {
        return dataDir.resolve("logs").resolve(part + ".log");
    }

    /** Runs {@code ./duban start --detach}; returns how long it took until every part was healthy. */
    Duration start() {
        return start(Map.of());
    }

    /** Starts the parts that are not running, with extra environment for them. */
    Duration start(Map<String, String> extraEnvironment) {
        long began = System.nanoTime();
        run(extraEnvironment, Duration.ofMinutes(6), "start", "--detach");
        return Duration.ofNanos(System.nanoTime() - began);
    }

    void stop() {
        run(Map.of(), Duration.ofMinutes(2), "stop");
    }

    /** The pid the launcher recorded for a part, if it has one. */
    Optional<Long> pid(String part) {
        Path file = dataDir.resolve("run").resolve(part + ".pid");
        try {
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Kills a part the hard way (SIGKILL): no shutdown hooks, no graceful anything. */
    void kill(String part) {
        long pid = pid(part).orElseThrow(() -> new IllegalStateException(part + " has no pid"));
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** Stops a part gracefully (SIGTERM), as an operator would. */
    void terminate(String part) {
        long pid = pid(part).orElseThrow(() -> new IllegalStateException(part + " has no pid"));
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        });
    }

    /** Whether the process still runs; a zombie (dead, waiting for its parent to reap it) does not. */
    static boolean alive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return true; // no /proc (macOS): alive is all there is to go by
        }
        try {
            String fields = Files.readString(stat);
            return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone between the two checks
        }
    }

    /** Resident memory of a process in MiB, from {@code /proc}; -1 where that is not available. */
    static long residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The last lines of a part's log, for failure messages. */
    String logTail(String part) {
        Path log = dataDir.resolve("logs").resolve(part + ".log");
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private void run(Map<String, String> extraEnvironment, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("duban").toString()));
        command.addAll(List.of(arguments));
        Path output = work.resolve("duban-" + arguments[0] + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./duban " + String.join(" ", arguments) + " took longer than "
                        + timeout + "; output in " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./duban " + String.join(" ", arguments) + " failed with "
                        + process.exitValue() + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
