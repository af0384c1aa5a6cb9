package org.duban.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.duban.client.ApiClient;
import org.duban.client.DubanApiClient;
import org.duban.client.api.AssignmentsApi;
import org.duban.client.api.StatisticsApi;
import org.duban.client.model.Assignment;
import org.duban.client.model.AssignmentKind;
import org.duban.client.model.AssignmentPage;
import org.duban.client.model.Statistics;

/** What PlatformIT's reporting test asks of the platform: the year's assignments, figures and report. */
final class ReportingThroughTheGateway {

    private final String gatewayUrl;
    private final String supervisorToken;
    private final ZoneId office;

    ReportingThroughTheGateway(String gatewayUrl, String supervisorToken, ZoneId office) {
        this.gatewayUrl = gatewayUrl;
        this.supervisorToken = supervisorToken;
        this.office = office;
    }

    int year() {
        return LocalDate.now(office).getYear();
    }

    /** Every assignment intake knows, all pages. */
    List<Assignment> assignments() {
        AssignmentsApi api = new AssignmentsApi(client());
        List<Assignment> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            AssignmentPage one = api.listAssignments(null, null, null, null, page, 200);
            all.addAll(one.getItems());
            if (page + 1 >= one.getPage().getTotalPages()) {
                return all;
            }
        }
    }

    /** Assignments of kind ASSIGN issued in this office year. */
    long assignmentsIssuedThisYear() {
        return assignments().stream()
                .filter(assignment -> assignment.getKind() == AssignmentKind.ASSIGN)
                .filter(assignment -> assignment.getIssuedAt().atZoneSameInstant(office).getYear() == year())
                .count();
    }

    Statistics statisticsOfTheYear() {
        return new StatisticsApi(client()).getStatistics(LocalDate.of(year(), 1, 1), LocalDate.of(year() + 1, 1, 1), null);
    }

    private ApiClient client() {
        return new DubanApiClient(gatewayUrl).setBearerToken(supervisorToken);
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .header("Authorization", "Bearer " + supervisorToken)
                        .header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> markdownReport() throws Exception {
        return get("/api/v1/reports/annual?year=" + year(), "text/markdown");
    }
}
