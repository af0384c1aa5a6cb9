package org.duban.contracts.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of one OpenAPI document with their access declarations, read from the document as any YAML
 * or JSON reader parses it (maps, lists and scalars), so that this module needs no parser of its own.
 */
public final class OpenApiOperations {

    /** The documents that hold the API's operations ({@code common.yaml} holds only shared definitions). */
    public static final List<String> DOCUMENTS = List.of("gateway.yaml", "intake.yaml", "supervision.yaml",
            "notification.yaml", "reporting.yaml");

    /** Where the documents are on the class path and under {@code contracts/src/main/resources}. */
    public static final String RESOURCE_DIRECTORY = "openapi/";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OpenApiOperations() {
    }

    /**
     * Every operation of the document, in the order written.
     *
     * @param document its file name, e.g. {@code intake.yaml}
     * @param parsed   the whole document as parsed
     */
    public static List<OperationAccess> read(String document, Map<?, ?> parsed) {
        List<OperationAccess> operations = new ArrayList<>();
        Object globalSecurity = parsed.get("security");
        if (!(parsed.get("paths") instanceof Map<?, ?> paths)) {
            return operations;
        }
        for (Map.Entry<?, ?> path : paths.entrySet()) {
            if (!(path.getValue() instanceof Map<?, ?> item)) {
                continue;
            }
            for (Map.Entry<?, ?> entry : item.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!METHODS.contains(key) || !(entry.getValue() instanceof Map<?, ?> operation)) {
                    continue;
                }
                Object security = operation.containsKey("security") ? operation.get("security") : globalSecurity;
                Object roles = operation.get(Access.EXTENSION);
                List<String> declared = roles instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList() : null;
                Set<String> responses = new LinkedHashSet<>();
                if (operation.get("responses") instanceof Map<?, ?> answers) {
                    answers.keySet().forEach(code -> responses.add(String.valueOf(code)));
                }
                Object id = operation.get("operationId");
                operations.add(new OperationAccess(document, id == null ? null : String.valueOf(id),
                        key.toUpperCase(Locale.ROOT), String.valueOf(path.getKey()), open(security), declared,
                        responses));
            }
        }
        return operations;
    }

    /** No security requirement at all, or an empty one ({@code security: []} or {@code - {}}), needs no token. */
    private static boolean open(Object security) {
        if (!(security instanceof List<?> requirements) || requirements.isEmpty()) {
            return true;
        }
        return requirements.stream().anyMatch(requirement -> requirement instanceof Map<?, ?> map && map.isEmpty());
    }
}
