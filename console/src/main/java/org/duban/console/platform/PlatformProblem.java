package org.duban.console.platform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal the platform answered (RFC 9457 problem document), or one the console found itself before
 * calling (a date that does not parse): what the page shows, the message at the top and each field's
 * error beside its field. Field names are the API's ({@code title}, {@code petitioner.name}), so a
 * template shows {@code problem.errorFor('petitioner.name')} beside the input it belongs to.
 *
 * @param status    the HTTP status (400 invalid input, 409 the state or a rule forbids it, …)
 * @param type      the stable problem type, e.g. {@code urn:duban:problem:state-conflict}
 * @param detail    what the platform said, as it said it
 * @param requestId the request id to quote to the operators; may be null
 * @param state     for a state conflict, the state the object is in; may be null
 * @param errors    the offending fields, in the order the platform named them
 */
public record PlatformProblem(int status, String type, String detail, String requestId, String state,
        List<FieldError> errors) implements Serializable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PlatformProblem {
        errors = List.copyOf(errors);
    }

    /** One offending field, as the platform named it, with its message. */
    public record FieldError(String field, String message) implements Serializable {

        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Reads the problem document of a refused call; a body that is not one keeps the status alone. */
    public static PlatformProblem of(RestClientResponseException refused) {
        int status = refused.getStatusCode().value();
        JsonNode body;
        try {
            body = JSON.readTree(refused.getResponseBodyAsString());
        } catch (JacksonException | IllegalArgumentException e) {
            return new PlatformProblem(status, null, null, null, null, List.of());
        }
        if (body == null || !body.isObject()) {
            return new PlatformProblem(status, null, null, null, null, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            String field = text(error, "field");
            String message = text(error, "message");
            if (field != null && message != null) {
                errors.add(new FieldError(field, message));
            }
        }
        return new PlatformProblem(status, text(body, "type"), text(body, "detail"), text(body, "requestId"),
                text(body, "state"), errors);
    }

    /** Input the console refused before calling the platform, e.g. a time that does not parse. */
    public static PlatformProblem invalid(Map<String, String> messagesByField) {
        List<FieldError> errors = messagesByField.entrySet().stream()
                .map(entry -> new FieldError(entry.getKey(), entry.getValue())).toList();
        return new PlatformProblem(400, "urn:duban:problem:invalid-request", null, null, null, errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public boolean invalidInput() {
        return status == 400;
    }

    public boolean stateConflict() {
        return status == 409;
    }

    /** The messages for one field (and for its elements, e.g. {@code contacts[0].phone} for {@code contacts}). */
    public List<String> errorsFor(String field) {
        return errors.stream()
                .filter(error -> error.field().equals(field) || error.field().startsWith(field + "[")
                        || error.field().startsWith(field + "."))
                .map(FieldError::message)
                .toList();
    }

    public boolean hasErrorFor(String field) {
        return !errorsFor(field).isEmpty();
    }
}
