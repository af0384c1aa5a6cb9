package org.duban.client;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The operations that need no token ({@code security: []} in the bundled document): the petitioner's progress and
 * evaluation with the query code, and the local profile's dev tokens. A token is never sent on them.
 * {@code PublicOperationsTest} holds this list to the bundled document.
 */
final class PublicOperations {

    /** Method and path template of each public operation. */
    static final List<String> ROUTES = List.of(
            "POST /api/v1/public/evaluations",
            "POST /api/v1/public/progress",
            "POST /api/v1/dev/tokens");

    private static final List<Pattern> PATTERNS = ROUTES.stream().map(PublicOperations::pattern)
            .collect(java.util.stream.Collectors.toList());

    private PublicOperations() {
    }

    static boolean isPublic(HttpRequest request) {
        String call = request.method() + " " + request.uri().getRawPath();
        return PATTERNS.stream().anyMatch(pattern -> pattern.matcher(call).matches());
    }

    /** {@code POST /a/{id}/b} matches {@code POST <any prefix>/a/<one segment>/b}. */
    private static Pattern pattern(String route) {
        String[] methodAndPath = route.split(" ", 2);
        StringBuilder regex = new StringBuilder(Pattern.quote(methodAndPath[0] + " ")).append("(?:/[^?#]*)?");
        for (String part : methodAndPath[1].split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
