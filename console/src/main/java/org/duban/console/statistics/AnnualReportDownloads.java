package org.duban.console.statistics;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.duban.client.reporting.ApiClient;
import org.duban.client.reporting.api.ReportsApi;
import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.web.TypedInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The annual report of a year as a document (DOCX, XLSX, Markdown). The generated {@link ReportsApi} reads
 * the report as JSON only, so the document is fetched with the same API's client — the user's token, the
 * page's request id and trace, and the longer timeout reports have — asking for its type in {@code Accept}
 * and reading the body as bytes. The platform decides which years it reports; its refusal comes back for
 * the page to show beside the year.
 */
@Component
class AnnualReportDownloads {

    private static final String PATH = "/api/v1/reports/annual";

    private final ReportsApi reports;
    private final MessageSource messages;
    private final ConsoleProperties properties;

    AnnualReportDownloads(ReportsApi reports, MessageSource messages, ConsoleProperties properties) {
        this.reports = reports;
        this.messages = messages;
        this.properties = properties;
    }

    /** The document for the year and format as the form typed them, or why there is none. */
    Attempt<ReportFile> download(String typedYear, String typedFormat) {
        TypedInput input = new TypedInput(properties.officeZone());
        Integer year = input.integer("year", typedYear);
        if (!input.valid()) {
            return Attempt.refused(input.problem());
        }
        if (year == null) {
            return Attempt.refused(PlatformProblem.invalid(Map.of("year", "is required")));
        }
        Optional<ReportFormat> format = ReportFormat.of(TypedInput.text(typedFormat));
        if (format.isEmpty()) {
            return Attempt.refused(PlatformProblem.invalid(Map.of("format", "must be one of [docx, xlsx, md]")));
        }
        return Attempt.of(() -> file(year, format.get()));
    }

    private ReportFile file(int year, ReportFormat format) {
        ApiClient client = reports.getApiClient();
        URI uri = UriComponentsBuilder.fromUriString(client.getBasePath()).path(PATH).queryParam("year", year)
                .build().toUri();
        byte[] content = client.getRestClient().get().uri(uri).accept(format.mediaType()).retrieve()
                .body(byte[].class);
        String name = messages.getMessage("statistics.report.filename", new Object[] {Integer.toString(year)},
                LocaleContextHolder.getLocale());
        return new ReportFile(format, name + "." + format.extension(),
                "annual-report-" + year + "." + format.extension(), content == null ? new byte[0] : content);
    }
}
