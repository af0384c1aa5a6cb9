package org.duban.contracts.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.dataformat.yaml.YAMLMapper;

/** The API's OpenAPI documents as this module ships them, read from the class path. */
final class ApiDocuments {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ApiDocuments() {
    }

    /** Every operation of every document, documents in {@link OpenApiOperations#DOCUMENTS} order. */
    static List<OperationAccess> operations() {
        List<OperationAccess> operations = new ArrayList<>();
        for (String document : OpenApiOperations.DOCUMENTS) {
            operations.addAll(OpenApiOperations.read(document, read(document)));
        }
        return operations;
    }

    static Map<?, ?> read(String document) {
        try (InputStream in = ApiDocuments.class.getClassLoader()
                .getResourceAsStream(OpenApiOperations.RESOURCE_DIRECTORY + document)) {
            if (in == null) {
                throw new IllegalStateException("no " + OpenApiOperations.RESOURCE_DIRECTORY + document + " on the class path");
            }
            return YAML.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document written inline, for tests of the rules. */
    static List<OperationAccess> parse(String yaml) {
        return OpenApiOperations.read("test.yaml", YAML.readValue(yaml, Map.class));
    }
}
