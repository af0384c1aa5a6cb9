package org.duban.console.statistics;

import java.util.Map;
import java.util.Optional;

import org.duban.console.ConsoleProperties;
import org.duban.console.platform.Attempt;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.platform.ReportDocuments;
import org.duban.console.web.TypedInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The annual report of a year as a document the browser downloads (DOCX, XLSX, Markdown), named for the
 * office. The platform decides which years it reports; its refusal comes back for the page to show beside
 * the year.
 */
@Component
class AnnualReportDownloads {

    private final ReportDocuments documents;
    private final MessageSource messages;
    private final ConsoleProperties properties;

    AnnualReportDownloads(ReportDocuments documents, MessageSource messages, ConsoleProperties properties) {
        this.documents = documents;
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
        byte[] content = documents.annualReport(year, format.mediaType());
        String name = messages.getMessage("statistics.report.filename", new Object[] {Integer.toString(year)},
                LocaleContextHolder.getLocale());
        return new ReportFile(format, name + "." + format.extension(),
                "annual-report-" + year + "." + format.extension(), content);
    }
}
