package org.duban.gateway.apidocs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API documentation, open to everyone (no token): Swagger UI at {@code /swagger-ui.html} (its files at
 * {@code /swagger-ui/}: {@link ApiDocsConfiguration}), the configuration it loads at
 * {@code /api-docs/swagger-config} (the five API documents) and the documents at {@code /api-docs/<name>.yaml}.
 */
@RestController
class ApiDocsController {

    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final ApiDocuments documents;
    private final Resource page = new ClassPathResource("apidocs/swagger-ui.html");

    ApiDocsController(ApiDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(path = "/swagger-ui.html", produces = MediaType.TEXT_HTML_VALUE)
    Resource swaggerUi() {
        return page;
    }

    /** Swagger UI's {@code configUrl}: the documents it offers, the first one shown. */
    @GetMapping(path = "/api-docs/swagger-config", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> swaggerConfig() {
        var urls = documents.apis().stream()
                .map(document -> Map.of("name", document.title(), "url", "/api-docs/" + document.name() + ".yaml"))
                .toList();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("urls", urls);
        config.put("urls.primaryName", documents.apis().get(0).title());
        config.put("persistAuthorization", true);
        return config;
    }

    @GetMapping("/api-docs/{name}.yaml")
    ResponseEntity<String> document(@PathVariable String name) {
        return documents.find(name)
                .map(document -> ResponseEntity.ok().contentType(YAML).body(document.yaml()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No API document " + name + ".yaml; the documents are listed at /api-docs/swagger-config."));
    }
}
