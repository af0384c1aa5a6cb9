package org.duban.local;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot application in the launcher's tests, doing only what {@code ./duban} relies
 * on: {@code java -Djarmode=tools -jar <jar> extract --destination <dir>} puts a copy of its jar and an
 * empty {@code lib/} in the directory; otherwise it answers {@code /actuator/health} with UP on
 * {@code MANAGEMENT_SERVER_PORT} until it is stopped — in a training run ({@code -XX:ArchiveClassesAtExit},
 * which the launcher stops once it is healthy) only after {@code FAKE_TRAINING_SECONDS} (0 by default), or never:
 * with {@code FAKE_TRAINING_FAILS=true} a training run exits at once with status 1, as an application whose port
 * was taken does.
 */
public final class FakeApplication {

    private FakeApplication() {
    }

    public static void main(String[] arguments) throws Exception {
        if ("tools".equals(System.getProperty("jarmode"))) {
            extract(List.of(arguments));
            return;
        }
        boolean training = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit="));
        if (training && Boolean.parseBoolean(System.getenv("FAKE_TRAINING_FAILS"))) {
            System.exit(1);
        }
        if (training) {
            Thread.sleep(Long.parseLong(System.getenv().getOrDefault("FAKE_TRAINING_SECONDS", "0")) * 1000);
        }
        int port = Integer.parseInt(System.getenv("MANAGEMENT_SERVER_PORT"));
        HttpServer management = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        management.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        management.start();
    }

    private static void extract(List<String> arguments) throws IOException, URISyntaxException {
        if (!arguments.contains("extract") || !arguments.contains("--destination")) {
            throw new IllegalArgumentException("expected: extract --destination <dir>, not " + arguments);
        }
        Path destination = Path.of(arguments.get(arguments.indexOf("--destination") + 1));
        Path jar = Path.of(FakeApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(destination.resolve("lib"));
        Files.copy(jar, destination.resolve(jar.getFileName()));
    }
}
