package org.duban.console.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriUtils;

/**
 * An annual report document as the platform built it, handed to the browser as a download: its type, and
 * its Chinese file name in {@code filename*} (RFC 5987) with an ASCII name for clients that read only
 * {@code filename}. A {@link View}, so that the download and the page showing a refusal share one handler.
 */
final class ReportFile implements View {

    private final ReportFormat format;
    private final String filename;
    private final String asciiFilename;
    private final byte[] content;

    /**
     * @param filename      the name the office gives it, e.g. 督办年度报告-2026.docx
     * @param asciiFilename the name for clients that cannot read {@code filename*}
     * @param content       the document as the platform sent it
     */
    ReportFile(ReportFormat format, String filename, String asciiFilename, byte[] content) {
        this.format = format;
        this.filename = filename;
        this.asciiFilename = asciiFilename;
        this.content = content;
    }

    @Override
    public String getContentType() {
        return format.contentType().toString();
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType(getContentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition());
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    /** {@code attachment; filename="annual-report-2026.docx"; filename*=UTF-8''%E7%9D%A3…-2026.docx} */
    String contentDisposition() {
        return "attachment; filename=\"" + asciiFilename + "\"; filename*=UTF-8''"
                + UriUtils.encode(filename, StandardCharsets.UTF_8);
    }
}
