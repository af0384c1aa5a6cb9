package org.duban.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./duban} runs an application from its extracted jar with a class data sharing archive: the real
 * script, copied into a repository of its own whose console jar is a {@link FakeApplication} (it extracts,
 * trains and answers health as a Boot jar does), with the real {@code local-infra} jar for the keys, and no
 * Kafka or store (the console needs neither, and the script starts neither when told they are elsewhere).
 */
class DubanClassDataSharingIT {

    private static final Path REPOSITORY = repositoryRoot();
    private static final String JAR_NAME = "console-0.1.0-SNAPSHOT.jar";
    private static final Duration TRAINING = Duration.ofMinutes(2);

    @TempDir
    Path repository;

    @TempDir
    Path dataDirectory;

    @TempDir
    Path workingDirectory;

    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void aRepositoryWhoseConsoleIsAFakeApplication() throws IOException {
        Files.copy(REPOSITORY.resolve("duban"), repository.resolve("duban"));
        assertThat(repository.resolve("duban").toFile().setExecutable(true)).isTrue();
        Path infra = repository.resolve("deploy/local/target");
        Files.createDirectories(infra);
        Files.createSymbolicLink(infra.resolve("local-infra-0.1.0-SNAPSHOT.jar"),
                REPOSITORY.resolve("deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar"));
        Files.createSymbolicLink(infra.resolve("lib"), REPOSITORY.resolve("deploy/local/target/lib"));
        writeConsoleJar("first build");
        List<Integer> ports = FreePort.distinct(2);
        environment.put("DUBAN_DATA_DIR", dataDirectory.toString());
        environment.put("DUBAN_APPS", "console");
        environment.put("DUBAN_CONSOLE_PORT", String.valueOf(ports.get(0)));
        environment.put("DUBAN_CONSOLE_MANAGEMENT_PORT", String.valueOf(ports.get(1)));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
        environment.put("MONGODB_URI", "mongodb://127.0.0.1:9");
    }

    @AfterEach
    void stopWhateverATestLeftRunning() throws Exception {
        duban("stop");
        trainingJvms().forEach(ProcessHandle::destroyForcibly); // a failed test leaves nothing behind either
        // the links go before the temporary directory does, so that nothing asks what they point to
        Files.deleteIfExists(repository.resolve("deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar"));
        Files.deleteIfExists(repository.resolve("deploy/local/target/lib"));
    }

    @Test
    void startsFromTheExtractedJarThenMakesTheArchiveThatTheNextStartMaps() throws Exception {
        // given
        Path classLoading = workingDirectory.resolve("class-load.log");
        environment.put("DUBAN_CONSOLE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLoading);

        // when
        Result first = duban("start", "--detach");

        // then: the extraction runs, without an archive, which the background training then makes
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("Extracting console", "Making the class data sharing archives of console");
        Path extraction = extraction();
        assertThat(commandLine(recordedPid("console")))
                .contains("-jar " + extraction.resolve(JAR_NAME), "-Xlog:class+load")
                .doesNotContain("SharedArchiveFile");
        awaitTheTraining();
        assertThat(extraction.resolve("cds.jsa")).isNotEmptyFile();
        assertThat(Files.readString(dataDirectory.resolve("logs/cds-training.log")))
                .contains("Made the class data sharing archive of console");

        // when
        duban("stop");
        Result second = duban("start", "--detach");

        // then
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("Extracting", "Making the class data sharing archives");
        assertThat(commandLine(recordedPid("console")))
                .contains("-XX:SharedArchiveFile=" + extraction.resolve("cds.jsa"), "-jar " + extraction.resolve(JAR_NAME));
        assertThat(Files.readString(classLoading))
                .contains("org.duban.local.FakeApplication source: shared objects file (top)");
    }

    @Test
    void onAJdk25OrNewerTheTrainingMakesAnAheadOfTimeCacheThatTheNextStartUses() throws Exception {
        // given
        Path jdk = aJdkWithAheadOfTimeCaches();
        environment.put("JAVA_HOME", jdk.toString());
        Path classLoading = workingDirectory.resolve("class-load.log");
        environment.put("DUBAN_CONSOLE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLoading);

        // when
        startAndAwaitTheTraining();
        duban("stop");
        Result second = duban("start", "--detach");

        // then
        assertThat(second.exitCode()).as(second.output()).isZero();
        Path cache = extraction().resolve("cds.aot");
        assertThat(cache).isNotEmptyFile();
        assertThat(extraction().resolve("cds.jsa")).doesNotExist();
        assertThat(commandLine(recordedPid("console")))
                .startsWith(jdk.resolve("bin/java").toString())
                .contains("-XX:AOTCache=" + cache)
                .doesNotContain("SharedArchiveFile");
        assertThat(Files.readString(classLoading)).contains("org.duban.local.FakeApplication source: shared objects file");
    }

    @Test
    void extractsARebuiltJarAgainAndMakesItsOwnArchive() throws Exception {
        // given
        startAndAwaitTheArchive();
        Path former = extraction();
        duban("stop");
        writeConsoleJar("second build");

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("Extracting console");
        Path extraction = extraction();
        assertThat(extraction).isNotEqualTo(former);
        assertThat(former).doesNotExist();
        assertThat(commandLine(recordedPid("console"))).doesNotContain("SharedArchiveFile");
        awaitTheTraining();
        assertThat(extraction.resolve("cds.jsa")).isNotEmptyFile();
    }

    @Test
    void startsWithoutAnArchiveTheJvmCannotMapAndMakesANewOne() throws Exception {
        // given: an archive cut short, which would crash the JVM that maps it
        startAndAwaitTheArchive();
        duban("stop");
        Path archive = extraction().resolve("cds.jsa");
        byte[] head = new byte[4096];
        System.arraycopy(Files.readAllBytes(archive), 0, head, 0, head.length);
        Files.delete(archive);
        Files.write(archive, head);

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("console: the JVM cannot use its class data sharing archive");
        assertThat(commandLine(recordedPid("console"))).doesNotContain("SharedArchiveFile");
        awaitTheTraining();
        assertThat(Files.size(archive)).isGreaterThan(head.length);
    }

    @Test
    void stopEndsATrainingInProgressAndLeavesNoArchiveBehind() throws Exception {
        // given: a training run that takes a minute
        environment.put("FAKE_TRAINING_SECONDS", "60");
        assertThat(duban("start", "--detach").exitCode()).isZero();
        long training = recordedPid("cds-training");
        await().atMost(Duration.ofSeconds(30)).until(() -> trainingJvms().findAny().isPresent());
        assertThat(duban("status").output()).containsPattern("cds-training\\s+" + training + "\\s+-\\s+running");

        // when
        Result stop = duban("stop");

        // then
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("Stopped cds-training (pid " + training + ")");
        assertThat(isAlive(training)).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> trainingJvms().findAny().isEmpty());
        try (Stream<Path> files = Files.list(extraction())) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("cds.jsa"));
        }
        assertThat(dataDirectory.resolve("run")).isEmptyDirectory();
    }

    @Test
    void stopEndsWhatATrainingStartedWhenItsScriptCannotCleanUpInTime() throws Exception {
        // given: a training in progress whose script cannot run its trap before the stop's grace is over (frozen
        // here; at the lowest priority on a busy machine, or inside a command, it runs its trap too late)
        environment.put("FAKE_TRAINING_SECONDS", "60");
        environment.put("DUBAN_STOP_GRACE_SECONDS", "2");
        assertThat(duban("start", "--detach").exitCode()).isZero();
        long training = recordedPid("cds-training");
        await().atMost(Duration.ofSeconds(30)).until(() -> trainingJvms().findAny().isPresent());
        signal("STOP", training);

        // when
        Result stop = duban("stop");

        // then: the script killed, and the JVM it was training with it
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("cds-training (pid " + training + ") did not stop within 2s; killing it");
        assertThat(isAlive(training)).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> trainingJvms().findAny().isEmpty());
    }

    @Test
    void aStopGraceThatIsNotANumberIsRefused() throws Exception {
        // given
        environment.put("DUBAN_STOP_GRACE_SECONDS", "soon");

        // when
        Result stop = duban("stop");

        // then
        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.output()).contains("DUBAN_STOP_GRACE_SECONDS must be a number of seconds, not 'soon'");
    }

    @Test
    void startsWithTheAheadOfTimeCodeItsJarCarriesAndTrainsItsArchiveTheSameWay() throws Exception {
        // given: a jar built with the launcher's ahead-of-time processing (it holds the generated initialiser)
        writeConsoleJar("ahead-of-time build", true);

        // when
        startAndAwaitTheTraining();
        duban("stop");
        Result second = duban("start", "--detach");

        // then
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(commandLine(recordedPid("console")))
                .contains("-XX:SharedArchiveFile=" + extraction().resolve("cds-aot.jsa"), "-Dspring.aot.enabled=true");
        assertThat(extraction().resolve("cds.jsa")).doesNotExist();
    }

    @Test
    void startsWithoutTheAheadOfTimeCodeWhenASpringPropertyIsGivenThatCouldSwitchBeans() throws Exception {
        // given
        writeConsoleJar("ahead-of-time build", true);
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("without their ahead-of-time processing (DUBAN_AOT), since SPRING_MAIL_HOST");
        assertThat(commandLine(recordedPid("console"))).doesNotContain("spring.aot.enabled");
    }

    @Test
    void aTrainingRunThatDiesOnItsOwnLeavesNoArchiveAndTheTrainingEndsAsUsual() throws Exception {
        // given: the console's training run exits at once (as one whose port was taken does)
        environment.put("FAKE_TRAINING_FAILS", "true");

        // when
        startAndAwaitTheTraining();

        // then: the training said so and ended by its own last step (which also stops its Kafka and store)
        assertThat(Files.readString(dataDirectory.resolve("logs/cds-training.log")))
                .contains("Made no class data sharing archive for console");
        assertThat(extraction().resolve("cds.jsa")).doesNotExist();
        assertThat(dataDirectory.resolve("run/cds-training.pid")).doesNotExist();
    }

    @Test
    void runsTheBootJarItselfWhenClassDataSharingIsOff() throws Exception {
        // given
        environment.put("DUBAN_CDS", "off");

        // when
        Result start = duban("start", "--detach");

        // then
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(commandLine(recordedPid("console"))).contains("-jar " + repository.resolve("console/target/" + JAR_NAME));
        assertThat(start.output()).doesNotContain("Extracting", "class data sharing");
        assertThat(dataDirectory.resolve("apps")).doesNotExist();
        assertThat(dataDirectory.resolve("run/cds-training.pid")).doesNotExist();
    }

    private void startAndAwaitTheTraining() throws Exception {
        Result start = duban("start", "--detach");
        assertThat(start.exitCode()).as(start.output()).isZero();
        awaitTheTraining();
    }

    private void startAndAwaitTheArchive() throws Exception {
        Result start = duban("start", "--detach");
        assertThat(start.exitCode()).as(start.output()).isZero();
        awaitTheTraining();
        assertThat(extraction().resolve("cds.jsa")).isNotEmptyFile();
    }

    /** Waits until the background training, if one was started, has ended. */
    private void awaitTheTraining() throws IOException {
        Path pidFile = dataDirectory.resolve("run/cds-training.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            await().atMost(TRAINING).until(() -> !isAlive(pid));
        }
    }

    /** The one extraction of the console jar under the data directory. */
    private Path extraction() throws IOException {
        try (Stream<Path> extractions = Files.list(dataDirectory.resolve("apps/console"))) {
            List<Path> all = extractions.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /**
     * A JDK 25 or newer under /usr/lib/jvm (this project's machines have Temurin's beside the default JDK 17),
     * or the test is skipped, saying so.
     */
    private static Path aJdkWithAheadOfTimeCaches() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                found = homes.filter(home -> featureVersion(home) >= 25 && Files.isExecutable(home.resolve("bin/java")))
                        .sorted()
                        .findFirst();
            }
        }
        assumeTrue(found.isPresent(), "no JDK 25 or newer in /usr/lib/jvm: the launcher's ahead-of-time cache is not tested here");
        return found.get();
    }

    /** The JDK's feature version from its release file (JAVA_VERSION="25.0.3"), or 0. */
    private static int featureVersion(Path home) {
        try {
            Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0; // not a JDK
        }
    }

    /** JVMs training an archive in this test's data directory. */
    private Stream<ProcessHandle> trainingJvms() {
        return ProcessHandle.allProcesses().filter(process -> {
            String line = commandLine(process.pid());
            return line.contains("-XX:ArchiveClassesAtExit=" + dataDirectory);
        });
    }

    /** A console jar: the fake application's classes, and a line that makes each build's jar different. */
    private void writeConsoleJar(String build) throws IOException {
        writeConsoleJar(build, false);
    }

    /** A console jar as above; with the entry of the initialiser Spring's ahead-of-time processing generates. */
    private void writeConsoleJar(String build, boolean aheadOfTime) throws IOException {
        Path jar = repository.resolve("console/target/" + JAR_NAME);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeApplication.class.getName());
        String classFile = FakeApplication.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(classFile));
            try (var in = FakeApplication.class.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            out.putNextEntry(new JarEntry("build.txt"));
            out.write(build.getBytes(StandardCharsets.UTF_8));
            if (aheadOfTime) {
                out.putNextEntry(new JarEntry("org/duban/console/ConsoleApplication__ApplicationContextInitializer.class"));
                out.write(new byte[] {0});
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private long recordedPid(String part) throws IOException {
        return Long.parseLong(Files.readString(dataDirectory.resolve("run").resolve(part + ".pid")).trim());
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return ""; // gone, or not ours to read
        }
    }

    /** Whether the process runs; one that exited but is not yet reaped by init (a zombie) does not. */
    private static boolean isAlive(long pid) {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
                return false;
            }
            String fields = Files.readString(stat);
            return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private Result duban(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(repository.resolve("duban").toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(workingDirectory, "duban", ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DUBAN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./duban " + String.join(" ", arguments) + " did not finish:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isExecutable(directory.resolve("duban"))) {
            directory = directory.getParent();
            if (directory == null) {
                throw new IllegalStateException("no ./duban in " + Path.of("").toAbsolutePath() + " or above");
            }
        }
        return directory;
    }

    private record Result(int exitCode, String output) {
    }
}
