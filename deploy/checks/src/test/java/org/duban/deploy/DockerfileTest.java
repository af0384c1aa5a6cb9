package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** The one Dockerfile: read as text, since no Docker engine is here to build it. */
class DockerfileTest {

    private static final Pattern ARG = Pattern.compile("(?m)^ARG (\\w+)=(\\S+)$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String dockerfile = Repository.read(Repository.file("Dockerfile"));

    @Test
    void everyBaseImageIsPinned() {
        assertThat(baseImages(dockerfile)).hasSize(3).allSatisfy(image ->
                assertThat(Images.unpinned(image)).as(image).isEmpty());
    }

    @Test
    void findsAnUnpinnedBaseImage() {
        String broken = dockerfile.replace("eclipse-temurin:17.0.15_6-jre-jammy", "eclipse-temurin:latest");

        assertThat(baseImages(broken)).anySatisfy(image -> assertThat(Images.unpinned(image)).isPresent());
    }

    @Test
    void buildsWithMavenOnJdk17AndRunsOnAJre17() {
        assertThat(dockerfile).contains("ARG MAVEN_IMAGE=maven:3.9.9-eclipse-temurin-17",
                "ARG RUNTIME_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy", "-pl \"${SERVICE}\" -am package");
    }

    @Test
    void runsTheLayersOfTheBootJarAsAnUnprivilegedUserWithAHealthCheckAndAContainerSizedHeap() {
        assertThat(dockerfile).contains(
                "java -Djarmode=tools -jar application.jar extract --layers --destination extracted",
                "extracted/dependencies/", "extracted/spring-boot-loader/", "extracted/snapshot-dependencies/",
                "extracted/application/", "-XX:MaxRAMPercentage=75");
        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*duban-healthcheck");
        assertThat(Repository.file("deploy/docker/healthcheck.sh")).isExecutable();
    }

    @Test
    void theReportingImageAloneGetsTheCjkFontItsChartsAreDrawnWith() {
        // given: the runtime stage, where the application runs
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Matcher install = Pattern.compile("(?s)RUN if \\[ \"\\$\\{SERVICE}\" = \"reporting-service\" ]; then(.*?)fi\n")
                .matcher(runtime);

        // then: installed before the unprivileged user takes over, only the font package, no lists left behind
        assertThat(install.find()).as("an install step for reporting-service in the runtime stage").isTrue();
        assertThat(install.group(1)).contains("apt-get install -y --no-install-recommends fonts-noto-cjk \\\n",
                "rm -rf /var/lib/apt/lists/*");
        assertThat(install.start()).isLessThan(runtime.indexOf("\nUSER "));
        assertThat(runtime.split("apt-get install", -1)).as("one install in the runtime stage").hasSize(2);
        assertThat(Repository.read(Repository.file(
                "reporting-service/src/main/java/org/duban/reporting/report/document/ChartFont.java")))
                .as("the font the reporting service looks for first").contains("\"Noto Sans CJK SC\"");
    }

    @Test
    void shipsTheApplicationsSbomBesideTheJar() {
        assertThat(dockerfile).contains("cp \"${SERVICE}/target/classes/META-INF/sbom/application.cdx.json\" "
                + "/application.cdx.json");
        assertThat(dockerfile).containsPattern(
                "(?m)^COPY --from=build --chown=root:root /application.cdx.json /app/sbom/application.cdx.json$");
    }

    @Test
    void answersHealthOnAManagementPortThatItDoesNotExpose() {
        assertThat(dockerfile).containsPattern("(?m)^ENV SERVER_PORT=8080 MANAGEMENT_SERVER_PORT=" + NetworkRules.MANAGEMENT + "$");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE 8080$").doesNotContainPattern("(?m)^EXPOSE .*" + NetworkRules.MANAGEMENT);
    }

    @Test
    void theHealthCheckAsksTheProbeGroupOnTheManagementPort() throws Exception {
        // given: the management port answers readiness UP and liveness DOWN; the public port is not asked
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        management.createContext("/actuator/health/readiness", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        management.createContext("/actuator/health/liveness", exchange -> answer(exchange, 503, "{\"status\":\"DOWN\"}"));
        management.start();
        String port = "MANAGEMENT_SERVER_PORT=" + management.getAddress().getPort();
        try {
            // when
            Repository.Run ready = Repository.run(TIMEOUT, "env", port, "SERVER_PORT=1", "bash",
                    "deploy/docker/healthcheck.sh", "readiness");
            Repository.Run live = Repository.run(TIMEOUT, "env", port, "SERVER_PORT=1", "bash",
                    "deploy/docker/healthcheck.sh");

            // then
            assertThat(ready.ok()).as("readiness: %s", ready.stderr()).isTrue();
            assertThat(live.ok()).as("liveness is DOWN").isFalse();
        } finally {
            management.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static List<String> baseImages(String dockerfile) {
        Map<String, String> args = new HashMap<>();
        Matcher arg = ARG.matcher(dockerfile);
        while (arg.find()) {
            args.put(arg.group(1), arg.group(2));
        }
        List<String> images = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            String image = from.group(1);
            Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(image);
            images.add(variable.matches() ? args.get(variable.group(1)) : image);
        }
        return images;
    }
}
