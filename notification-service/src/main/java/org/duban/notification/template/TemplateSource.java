package org.duban.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where template files come from: a directory the office edits (read afresh on every use, so an edit
 * takes effect without a rebuild or restart), falling back file by file to the defaults shipped on
 * the classpath under {@code templates/} (read once: they cannot change while the service runs). Files
 * are UTF-8 {@code .properties}; what {@link #read} answers is not to be changed.
 */
public final class TemplateSource {

    static final String CLASSPATH_FOLDER = "templates/";

    private final Path directory;
    private final Map<String, Optional<Properties>> shipped = new ConcurrentHashMap<>();

    /** @param directory the office's template directory, or null to use the shipped defaults only */
    public TemplateSource(Path directory) {
        this.directory = directory;
    }

    /** The named file ({@code duban.assignment.issued.v1.properties}), or empty when neither place has it. */
    public Optional<Properties> read(String fileName) {
        if (directory != null) {
            Path file = directory.resolve(fileName);
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return Optional.of(load(reader));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read template " + file, e);
                }
            }
        }
        return shipped.computeIfAbsent(fileName, TemplateSource::readShipped);
    }

    private static Optional<Properties> readShipped(String fileName) {
        InputStream stream = TemplateSource.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + fileName);
        if (stream == null) {
            return Optional.empty();
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return Optional.of(load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + fileName, e);
        }
    }

    private static Properties load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }
}
