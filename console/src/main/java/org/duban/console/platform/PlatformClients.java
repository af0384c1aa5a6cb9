package org.duban.console.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.gateway.api.DevTokensApi;
import org.duban.client.intake.api.AssignmentsApi;
import org.duban.client.intake.api.CasesApi;
import org.duban.client.intake.api.EvaluationsApi;
import org.duban.client.intake.api.LawyersApi;
import org.duban.client.intake.api.UnitsApi;
import org.duban.client.notification.api.InboxApi;
import org.duban.client.reporting.api.ReportsApi;
import org.duban.client.reporting.api.ScorecardsApi;
import org.duban.client.reporting.api.StatisticsApi;
import org.duban.client.reporting.api.TimelinesApi;
import org.duban.client.supervision.api.AlertsApi;
import org.duban.client.supervision.api.EscalationsApi;
import org.duban.client.supervision.api.MeasuresApi;
import org.duban.client.supervision.api.RecommendationsApi;
import org.duban.client.supervision.api.SupervisionsApi;
import org.duban.console.ConsoleProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The generated Java client, one API object per tag, all calling the gateway. Each call carries the
 * signed-in user's token ({@link AccessTokens}), the page's request id and its trace (Boot's observed
 * {@link RestClient.Builder}); the API objects are shared, the token is not.
 */
@Configuration(proxyBeanMethods = false)
class PlatformClients {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern WELL_FORMED_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final RestClient calls;
    private final RestClient downloads;
    private final String gatewayUrl;

    PlatformClients(RestClient.Builder builder, ConsoleProperties properties, AccessTokens tokens) {
        this.gatewayUrl = properties.gatewayUrl().toString().replaceAll("/+$", "");
        RestClient.Builder configured = builder
                .configureMessageConverters(converters -> converters.registerDefaults().withJsonConverter(
                        new JacksonJsonHttpMessageConverter(org.duban.client.intake.ApiClient.createDefaultMapper(null))))
                .requestInterceptor(bearer(tokens))
                .requestInterceptor(PlatformClients::forwardRequestId);
        this.calls = configured.clone()
                .requestFactory(requestFactory(properties.connectTimeout(), properties.readTimeout())).build();
        this.downloads = configured.clone()
                .requestFactory(requestFactory(properties.connectTimeout(), properties.reportTimeout())).build();
    }

    private static ClientHttpRequestInterceptor bearer(AccessTokens tokens) {
        return (request, body, execution) -> {
            tokens.current().ifPresent(token -> request.getHeaders().setBearerAuth(token));
            return execution.execute(request, body);
        };
    }

    /** The gateway stamps each page request with an id; the page's API calls carry the same one. */
    private static ClientHttpResponse forwardRequestId(HttpRequest request, byte[] body,
            ClientHttpRequestExecution execution) throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest page = attributes.getRequest();
            String requestId = page.getHeader(REQUEST_ID);
            if (requestId != null && WELL_FORMED_REQUEST_ID.matcher(requestId).matches()) {
                request.getHeaders().set(REQUEST_ID, requestId);
            }
        }
        return execution.execute(request, body);
    }

    private static ClientHttpRequestFactory requestFactory(Duration connect, Duration read) {
        return ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                .build(HttpClientSettings.defaults().withTimeouts(connect, read));
    }

    private org.duban.client.intake.ApiClient intake() {
        return new org.duban.client.intake.ApiClient(calls).setBasePath(gatewayUrl);
    }

    private org.duban.client.supervision.ApiClient supervision() {
        return new org.duban.client.supervision.ApiClient(calls).setBasePath(gatewayUrl);
    }

    private org.duban.client.notification.ApiClient notification() {
        return new org.duban.client.notification.ApiClient(calls).setBasePath(gatewayUrl);
    }

    private org.duban.client.reporting.ApiClient reporting(RestClient client) {
        return new org.duban.client.reporting.ApiClient(client).setBasePath(gatewayUrl);
    }

    @Bean
    UnitsApi unitsApi() {
        return new UnitsApi(intake());
    }

    @Bean
    CasesApi casesApi() {
        return new CasesApi(intake());
    }

    @Bean
    AssignmentsApi assignmentsApi() {
        return new AssignmentsApi(intake());
    }

    @Bean
    EvaluationsApi evaluationsApi() {
        return new EvaluationsApi(intake());
    }

    @Bean
    LawyersApi lawyersApi() {
        return new LawyersApi(intake());
    }

    @Bean
    AlertsApi alertsApi() {
        return new AlertsApi(supervision());
    }

    @Bean
    SupervisionsApi supervisionsApi() {
        return new SupervisionsApi(supervision());
    }

    @Bean
    EscalationsApi escalationsApi() {
        return new EscalationsApi(supervision());
    }

    @Bean
    RecommendationsApi recommendationsApi() {
        return new RecommendationsApi(supervision());
    }

    @Bean
    MeasuresApi measuresApi() {
        return new MeasuresApi(supervision());
    }

    @Bean
    InboxApi inboxApi() {
        return new InboxApi(notification());
    }

    @Bean
    StatisticsApi statisticsApi() {
        return new StatisticsApi(reporting(calls));
    }

    @Bean
    ScorecardsApi scorecardsApi() {
        return new ScorecardsApi(reporting(calls));
    }

    @Bean
    TimelinesApi timelinesApi() {
        return new TimelinesApi(reporting(calls));
    }

    /** The annual report as DOCX or XLSX may take longer to build and download than a page's calls. */
    @Bean
    ReportsApi reportsApi() {
        return new ReportsApi(reporting(downloads));
    }

    @Bean
    DevTokensApi devTokensApi() {
        return new DevTokensApi(new org.duban.client.gateway.ApiClient(calls).setBasePath(gatewayUrl));
    }
}
