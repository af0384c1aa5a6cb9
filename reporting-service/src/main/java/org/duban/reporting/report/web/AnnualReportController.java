package org.duban.reporting.report.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.platform.web.CurrentCaller;
import org.duban.reporting.api.ReportsApi;
import org.duban.reporting.api.model.CategoryFigures;
import org.duban.reporting.api.model.MonthFigures;
import org.duban.reporting.report.AnnualReport;
import org.duban.reporting.report.AnnualReportService;
import org.duban.reporting.report.document.DocxReport;
import org.duban.reporting.report.document.MarkdownReport;
import org.duban.reporting.report.document.XlsxReport;
import org.duban.reporting.web.ScorecardViews;
import org.duban.reporting.web.StatisticsViews;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/annual?year}: the report in the representation the {@code Accept} header
 * asks for first — JSON (also for {@code *}{@code /*}), Markdown, DOCX or XLSX. The generated interface
 * types the answer as the JSON model; the documents are bytes with their own content type.
 */
@RestController
class AnnualReportController implements ReportsApi {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, MARKDOWN, DOCX, XLSX);

    private final AnnualReportService reports;
    private final CurrentCaller caller;
    private final HttpServletRequest request;

    AnnualReportController(AnnualReportService reports, CurrentCaller caller, HttpServletRequest request) {
        this.reports = reports;
        this.caller = caller;
        this.request = request;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity<org.duban.reporting.api.model.AnnualReport> getAnnualReport(Integer year) {
        AnnualReport report = reports.report(caller.get(), year);
        MediaType type = negotiated();
        if (type.equals(MediaType.APPLICATION_JSON)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view(report));
        }
        byte[] body;
        String extension;
        if (type.equals(MARKDOWN)) {
            body = MarkdownReport.render(report);
            extension = "md";
            type = new MediaType(MARKDOWN, StandardCharsets.UTF_8);
        } else if (type.equals(DOCX)) {
            body = DocxReport.render(report);
            extension = "docx";
        } else {
            body = XlsxReport.render(report);
            extension = "xlsx";
        }
        return (ResponseEntity) ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("annual-report-" + year + "." + extension).build().toString())
                .body(body);
    }

    /** The first offered type the Accept header takes, by quality; JSON when it takes any. */
    private MediaType negotiated() {
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT)));
        // stable: equal qualities keep the header's order
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType acceptable : accepted) {
            for (MediaType offered : OFFERED) {
                if (acceptable.includes(offered)) {
                    return offered;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static org.duban.reporting.api.model.AnnualReport view(AnnualReport report) {
        return new org.duban.reporting.api.model.AnnualReport(report.year(), report.title(), report.narrative(),
                StatisticsViews.view(report.figures()), ScorecardViews.view(report.units()),
                report.categories().stream().map(row -> new CategoryFigures(row.category(), row.label(),
                        row.assignmentsIssued(), row.transfersIssued(), row.assignmentsConcluded())).toList(),
                report.months().stream().map(row -> new MonthFigures(row.month(), row.assignmentsIssued(),
                        row.transfersIssued(), row.supervisionOrdersOpened(), row.measuresIssued())).toList());
    }
}
