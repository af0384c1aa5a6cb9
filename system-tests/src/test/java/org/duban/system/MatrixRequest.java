package org.duban.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the authorization matrix, as it goes to the gateway: method, path with its query, a JSON
 * body or none, extra headers.
 */
record MatrixRequest(String method, String path, String body, Map<String, String> headers) {

    MatrixRequest {
        headers = Map.copyOf(headers);
    }

    static MatrixRequest get(String path) {
        return new MatrixRequest("GET", path, null, Map.of());
    }

    static MatrixRequest post(String path, String json) {
        return new MatrixRequest("POST", path, json, Map.of());
    }

    static MatrixRequest delete(String path) {
        return new MatrixRequest("DELETE", path, null, Map.of());
    }

    MatrixRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new MatrixRequest(method, path, body, more);
    }

    /** The path without its query. */
    String pathOnly() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
