package org.duban.console.statistics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The annual report's documents: what the console asks the platform for, and what it hands the browser. */
enum ReportFormat {
    DOCX("docx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
    MD("md", MediaType.parseMediaType("text/markdown"));

    private final String extension;
    private final MediaType mediaType;

    ReportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format by its file extension (the form's {@code format}), if it is one. */
    static Optional<ReportFormat> of(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    String extension() {
        return extension;
    }

    /** What the console asks the platform for ({@code Accept}). */
    MediaType mediaType() {
        return mediaType;
    }

    /** What the browser is told it receives: Markdown is UTF-8 text. */
    MediaType contentType() {
        return this == MD ? new MediaType(mediaType, StandardCharsets.UTF_8) : mediaType;
    }
}
