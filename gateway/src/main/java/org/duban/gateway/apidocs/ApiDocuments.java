package org.duban.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The contract documents of module {@code contracts} (on the classpath under {@code openapi/}) as the gateway
 * serves them at {@code /api-docs/<name>.yaml}: the five API documents, listed in Swagger UI, and
 * {@code common.yaml}, which they reference relatively ({@code ./common.yaml#/...}) and which must therefore
 * sit beside them.
 *
 * <p>The contracts name {@code http://localhost:8080} as their server (the generated client's default). An API
 * document is served with that entry replaced by {@code /}, which a reader resolves against the document's own
 * address: Swagger UI's "Try it out" then calls the API through the gateway that served the page, whatever
 * its scheme, host and port. Everything else is served as written. The documents are read once, at start-up;
 * a missing one, or one without a top-level {@code servers} list or {@code info.title}, stops the start.
 */
final class ApiDocuments {

    /** The API documents, in the order Swagger UI lists them (the first is shown first). */
    static final List<String> APIS = List.of("intake", "supervision", "notification", "reporting", "gateway");

    /** Referenced by the API documents, not listed itself. */
    static final String SHARED = "common";

    static final String SERVER = "/";

    private static final Pattern SERVERS_BLOCK = Pattern.compile("(?m)^servers:[ \\t]*\\R(?:[ \\t-].*(?:\\R|\\z))*");

    private static final String SERVED_SERVERS = "servers:\n  - url: " + SERVER + "\n"
            + "    description: The gateway that serves this document (its scheme, host and port).\n";

    /** One document as served: {@code name} is the file name without {@code .yaml}. */
    record Document(String name, String title, String yaml) {
    }

    private final Map<String, Document> byName;

    private ApiDocuments(Map<String, Document> byName) {
        this.byName = byName;
    }

    static ApiDocuments fromClasspath(ClassLoader classLoader) {
        Map<String, Document> byName = new LinkedHashMap<>();
        for (String name : APIS) {
            byName.put(name, document(name, servedFromTheGateway(name, read(classLoader, name))));
        }
        byName.put(SHARED, document(SHARED, read(classLoader, SHARED)));
        return new ApiDocuments(byName);
    }

    /** The five API documents, in {@link #APIS} order. */
    List<Document> apis() {
        return APIS.stream().map(byName::get).toList();
    }

    /** An API document or the shared one, by file name without {@code .yaml}. */
    Optional<Document> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** {@code yaml} with its top-level {@code servers} list replaced by the one entry {@code /}. */
    static String servedFromTheGateway(String name, String yaml) {
        Matcher servers = SERVERS_BLOCK.matcher(yaml);
        if (!servers.find()) {
            throw new IllegalStateException("openapi/" + name + ".yaml has no top-level 'servers' list to point at the gateway");
        }
        String served = servers.replaceFirst(Matcher.quoteReplacement(SERVED_SERVERS));
        if (!(parse(served).get("servers") instanceof List<?> list && list.size() == 1
                && list.get(0) instanceof Map<?, ?> server && SERVER.equals(server.get("url")))) {
            throw new IllegalStateException("openapi/" + name + ".yaml: its 'servers' list could not be replaced by " + SERVER);
        }
        return served;
    }

    private static Map<?, ?> parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    private static Document document(String name, String yaml) {
        Map<?, ?> root = parse(yaml);
        Object title = root.get("info") instanceof Map<?, ?> info ? info.get("title") : null;
        if (!(title instanceof String text) || text.isBlank()) {
            throw new IllegalStateException("openapi/" + name + ".yaml has no info.title");
        }
        return new Document(name, text, yaml);
    }

    private static String read(ClassLoader classLoader, String name) {
        String path = "openapi/" + name + ".yaml";
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath (module contracts)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
