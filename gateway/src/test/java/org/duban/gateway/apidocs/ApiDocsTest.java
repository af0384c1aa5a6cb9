package org.duban.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.duban.gateway.testing.ProblemAssertions.assertProblem;
import static org.duban.gateway.testing.ProblemAssertions.json;

class ApiDocsTest extends RunningGateway {

    private static final Pattern RELATIVE_REF = Pattern.compile("\\$ref: '\\./([a-z-]+\\.yaml)#");

    @Test
    void servesSwaggerUiWithoutAToken() {
        // when
        HttpResponse<String> page = gateway.get("/swagger-ui.html");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"swagger-ui\">", "swagger-ui/swagger-ui-bundle.js",
                "configUrl: \"api-docs/swagger-config\"");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-ui-standalone-preset.js",
        "/swagger-ui/swagger-ui.css", "/swagger-ui/index.css", "/swagger-ui/favicon-32x32.png"})
    void servesTheFilesThePageLoads(String path) {
        // when
        HttpResponse<String> response = gateway.get(path);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty();
        assertThat(CONSOLE.received()).isEmpty();
    }

    @Test
    void listsTheFiveContractDocumentsInSwaggerUisConfiguration() {
        // when
        HttpResponse<String> response = gateway.get("/api-docs/swagger-config");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode config = json(response.body());
        Map<String, String> urls = new LinkedHashMap<>();
        config.path("urls").forEach(url -> urls.put(url.path("name").asString(), url.path("url").asString()));
        assertThat(urls).containsExactly(
                Map.entry("Duban intake API", "/api-docs/intake.yaml"),
                Map.entry("Duban supervision API", "/api-docs/supervision.yaml"),
                Map.entry("Duban notification API", "/api-docs/notification.yaml"),
                Map.entry("Duban reporting API", "/api-docs/reporting.yaml"),
                Map.entry("Duban gateway API", "/api-docs/gateway.yaml"));
        assertThat(config.path("urls.primaryName").asString()).isEqualTo("Duban intake API");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"intake, Duban intake API", "supervision, Duban supervision API",
        "notification, Duban notification API", "reporting, Duban reporting API", "gateway, Duban gateway API"})
    void servesEachContractDocumentPointingTryItOutAtTheGateway(String name, String title) {
        // when
        HttpResponse<String> response = gateway.get("/api-docs/" + name + ".yaml");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml;charset=UTF-8");
        Map<String, Object> served = yaml(response.body());
        assertThat(served).extractingByKey("info").asInstanceOf(MAP)
                .containsEntry("title", title);
        assertThat(served.get("servers")).as("relative to the document: the gateway that served it")
                .asInstanceOf(LIST).singleElement()
                .asInstanceOf(MAP).containsEntry("url", "/");
        Map<String, Object> contract = yaml(contract(name));
        served.remove("servers");
        contract.remove("servers");
        assertThat(served).as("everything but the server as the contract has it").isEqualTo(contract);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intake", "supervision", "notification", "reporting", "gateway"})
    void servesTheDocumentsThatADocumentReferencesBesideIt(String name) {
        // given
        TreeSet<String> referenced = new TreeSet<>();
        Matcher ref = RELATIVE_REF.matcher(gateway.get("/api-docs/" + name + ".yaml").body());
        while (ref.find()) {
            referenced.add(ref.group(1));
        }
        assertThat(referenced).as("this test would see nothing otherwise").isNotEmpty();

        for (String file : referenced) {
            // when
            HttpResponse<String> response = gateway.get("/api-docs/" + file);

            // then
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(yaml(response.body())).isEqualTo(yaml(contract(file.replace(".yaml", ""))));
        }
    }

    @Test
    void answersAnUnknownDocumentWithANotFoundProblem() {
        // when
        HttpResponse<String> response = gateway.get("/api-docs/billing.yaml");

        // then
        assertProblem(response, 404, "not-found");
        assertThat(CONSOLE.received()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static String contract(String name) {
        try (InputStream in = ApiDocsTest.class.getClassLoader().getResourceAsStream("openapi/" + name + ".yaml")) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
