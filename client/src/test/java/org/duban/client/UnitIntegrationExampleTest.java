package org.duban.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.duban.client.FakeGateway.Answer;
import org.duban.client.example.UnitIntegrationExample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's integration guide runs, is shown verbatim, and compiles for Java 11 against the client. */
class UnitIntegrationExampleTest {

    private static final Path EXAMPLE = Path.of("src/test/java/org/duban/client/example/UnitIntegrationExample.java");
    private static final Path README = Path.of(System.getProperty("duban.root", ".."), "README.md");
    private static final String ASSIGNMENT = """
            {"id":"%s","caseId":"case-1","unitId":"unit-1","kind":"ASSIGN","status":"%s",
             "issuedAt":"2024-03-01T02:00:00Z","acceptanceDueAt":"2024-03-16T16:00:00Z"}""";

    private FakeGateway gateway;

    @BeforeEach
    void fakeGateway() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void takesOnWhatIsNewAcknowledgesItAndReportsWithAnIdempotencyKey() {
        // given: two new assignments, one of them accepted meanwhile by a colleague, and a reminder
        gateway.answer("GET /api/v1/inbox", Answer.json(200, """
                {"items":[
                 {"id":"msg-1","unitId":"unit-1","eventType":"duban.assignment.issued.v1","assignmentId":"asg-1",
                  "title":"新交办","body":"…","createdAt":"2024-03-01T02:00:00Z","read":false},
                 {"id":"msg-2","unitId":"unit-1","eventType":"duban.assignment.issued.v1","assignmentId":"asg-2",
                  "title":"新交办","body":"…","createdAt":"2024-03-01T02:01:00Z","read":false},
                 {"id":"msg-3","unitId":"unit-1","eventType":"duban.reminder.issued.v1","assignmentId":"asg-0",
                  "title":"催办","body":"…","createdAt":"2024-03-01T02:02:00Z","read":false}],
                 "unread":3,"page":{"page":0,"size":50,"totalElements":3,"totalPages":1}}"""));
        gateway.answer("POST /api/v1/assignments/asg-1/accept", Answer.json(200, ASSIGNMENT.formatted("asg-1", "ACCEPTED")));
        gateway.answer("POST /api/v1/assignments/asg-2/accept", Answer.problem(409, "urn:duban:problem:state-conflict",
                "Conflict", "assignment asg-2 is ACCEPTED"));
        for (String message : List.of("msg-1", "msg-2", "msg-3")) {
            gateway.answer("POST /api/v1/inbox/" + message + "/ack", Answer.json(200, """
                    {"id":"%s","unitId":"unit-1","eventType":"x","title":"t","body":"b",
                     "createdAt":"2024-03-01T02:00:00Z","read":true}""".formatted(message)));
        }
        gateway.answer("POST /api/v1/assignments/asg-1/progress", Answer.json(200, ASSIGNMENT.formatted("asg-1", "ACCEPTED")));
        gateway.answer("POST /api/v1/assignments/asg-1/final-report", Answer.json(200, ASSIGNMENT.formatted("asg-1", "REPORTED")));

        // when
        UnitIntegrationExample.handle(gateway.url(), "unit-token", "asg-1", "42");

        // then
        assertThat(gateway.requests()).extracting(FakeGateway.Request::line).containsExactly(
                "GET /api/v1/inbox?unread=true&page=0&size=50",
                "POST /api/v1/assignments/asg-1/accept",
                "POST /api/v1/inbox/msg-1/ack",
                "POST /api/v1/assignments/asg-2/accept",
                "POST /api/v1/inbox/msg-2/ack",
                "POST /api/v1/inbox/msg-3/ack",
                "POST /api/v1/assignments/asg-1/progress",
                "POST /api/v1/assignments/asg-1/final-report");
        assertThat(gateway.requests()).extracting(FakeGateway.Request::authorization).containsOnly("Bearer unit-token");
        assertThat(gateway.requests().get(6).idempotencyKey()).isEqualTo("note-42");
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws IOException {
        // given
        String example = unindented(between(Files.readAllLines(EXAMPLE), "// README:begin", "// README:end"));

        // when
        List<String> readme = Files.readAllLines(README);
        int start = readme.indexOf("## For responsible units: the Java client");
        List<String> guide = readme.subList(start, readme.size());
        List<String> block = between(guide, "```java", "```");

        // then
        assertThat(String.join("\n", block)).isEqualTo(example);
    }

    @Test
    void compilesForJava11AgainstTheClient(@TempDir Path out) {
        // given
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        // when
        int exit = javac.run(null, null, errors, "--release", "11", "-proc:none", "-Werror", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path"), EXAMPLE.toString());

        // then
        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void everyClassOfTheClientRunsOnJava11() throws IOException {
        // given
        Map<Integer, List<String>> byVersion = new TreeMap<>();

        // when
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path file : (Iterable<Path>) classes.filter(path -> path.toString().endsWith(".class"))::iterator) {
                byVersion.computeIfAbsent(majorVersion(file), version -> new ArrayList<>()).add(file.toString());
            }
        }

        // then: 55 is Java 11's class file version
        assertThat(byVersion.keySet()).containsExactly(55);
        assertThat(byVersion.get(55)).anyMatch(file -> file.endsWith("DubanApiClient.class"))
                .anyMatch(file -> file.endsWith("AssignmentsApi.class"));
    }

    private static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

    private static List<String> between(List<String> lines, String begin, String end) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).trim().equals(begin)) {
                from = i + 1;
            } else if (from >= 0 && lines.get(i).trim().equals(end)) {
                return lines.subList(from, i);
            }
        }
        throw new AssertionError("no lines between " + begin + " and " + end);
    }

    private static String unindented(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            result.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", result);
    }
}
