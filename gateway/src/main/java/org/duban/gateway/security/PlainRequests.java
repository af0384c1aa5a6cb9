package org.duban.gateway.security;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Whether a request is plain enough for the forwarder to take it ({@code routing.Forwarder}): one that Spring
 * Security's {@code StrictServerWebExchangeFirewall} lets through without doubt. Anything else — a method other
 * than GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS; in the path a character outside printable ASCII, a
 * {@code ;}, a backslash, {@code //}, a {@code .} or {@code ..} segment, or an escape of {@code %}, {@code .},
 * {@code /}, {@code \}, {@code ;} or a control character; in the query an escaped control character; a control
 * character in a header value — is left to Spring, whose firewall refuses it with a problem document
 * ({@link MalformedRequestRejection}). So a service never reads a path differently from the gateway, exactly as
 * before the forwarder. One pass over the target and the header values, no allocation.
 */
public final class PlainRequests {

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private PlainRequests() {
    }

    /** Whether the firewall would let the request through: method, target ({@code path?query}) and headers. */
    public static boolean plain(HttpMethod method, String target, HttpHeaders headers) {
        return METHODS.contains(method) && plainTarget(target) && plainHeaders(headers);
    }

    static boolean plainTarget(String target) {
        int end = target.length();
        int query = target.indexOf('?');
        int pathEnd = query < 0 ? end : query;
        if (pathEnd == 0 || target.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 0; i < pathEnd; i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ';' || c == '\\') {
                return false;
            }
            if (c == '/') {
                if (i > 0 && !plainSegment(target, segmentStart, i)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (c == '%' && !plainEscape(target, i, pathEnd, true)) {
                return false;
            }
        }
        if (!plainSegment(target, segmentStart, pathEnd)) {
            return false;
        }
        for (int i = pathEnd + 1; i < end; i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%' && !plainEscape(target, i, end, false)) {
                return false;
            }
        }
        return true;
    }

    /** No empty segment but the last ({@code //}), no {@code .} nor {@code ..}. */
    private static boolean plainSegment(String target, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return end == target.length() || target.charAt(end) == '?';
        }
        return !(target.charAt(start) == '.' && (length == 1 || length == 2 && target.charAt(start + 1) == '.'));
    }

    private static boolean plainEscape(String target, int at, int end, boolean inPath) {
        if (at + 2 >= end) {
            return false;
        }
        int high = Character.digit(target.charAt(at + 1), 16);
        int low = Character.digit(target.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            return false;
        }
        int value = high << 4 | low;
        if (value < 0x20 || value == 0x7f) {
            return false;
        }
        return !inPath || value != '%' && value != '.' && value != '/' && value != '\\' && value != ';';
    }

    private static boolean plainHeaders(HttpHeaders headers) {
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence value = it.next().getValue();
            for (int i = 0, length = value.length(); i < length; i++) {
                char c = value.charAt(i);
                if (c < ' ' || c >= 0x7f && c <= 0x9f) {
                    return false;
                }
            }
        }
        return true;
    }
}
