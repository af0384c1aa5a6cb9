package org.duban.console.platform;

import java.net.URI;

import org.duban.client.reporting.ApiClient;
import org.duban.client.reporting.api.ReportsApi;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The annual report of a year as a document (DOCX, XLSX, Markdown). The generated {@link ReportsApi} reads
 * the report as JSON only, so the document is fetched through the same API's client — the user's token,
 * the page's request id and trace, and the longer timeout reports have — asking for its type in
 * {@code Accept} and reading the body as bytes. A refusal is thrown like any generated call's.
 */
@Component
public class ReportDocuments {

    private static final String PATH = "/api/v1/reports/annual";

    private final ReportsApi reports;

    ReportDocuments(ReportsApi reports) {
        this.reports = reports;
    }

    public byte[] annualReport(int year, MediaType type) {
        ApiClient client = reports.getApiClient();
        URI uri = UriComponentsBuilder.fromUriString(client.getBasePath()).path(PATH).queryParam("year", year)
                .build().toUri();
        byte[] content = client.getRestClient().get().uri(uri).accept(type).retrieve().body(byte[].class);
        return content == null ? new byte[0] : content;
    }
}
