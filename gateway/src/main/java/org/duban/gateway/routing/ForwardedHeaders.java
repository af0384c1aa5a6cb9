package org.duban.gateway.routing;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * The headers on their way through the forwarder, each copied once: the caller's to the service but the
 * hop-by-hop ones, with the gateway's {@code X-Forwarded-*}, {@code X-Request-Id} and {@code traceparent}; the
 * service's back to the caller but the hop-by-hop ones, with the request id and the security headers Spring
 * Security wrote on every answer of the gateway (each only where the service did not send it).
 */
final class ForwardedHeaders {

    static final AsciiString REQUEST_ID = AsciiString.cached("x-request-id");
    static final AsciiString TRACEPARENT = AsciiString.cached("traceparent");
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    private static final AsciiString X_FORWARDED_PORT = AsciiString.cached("x-forwarded-port");
    private static final AsciiString FORWARDED = AsciiString.cached("forwarded");
    private static final AsciiString[] HOP_BY_HOP = {HttpHeaderNames.CONNECTION, AsciiString.cached("keep-alive"),
        HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE,
        HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION, AsciiString.cached("proxy-connection"),
        HttpHeaderNames.HOST, HttpHeaderNames.EXPECT};
    private static final AsciiString NO_CACHE = AsciiString.cached("no-cache, no-store, max-age=0, must-revalidate");

    /** The addresses of proxies whose X-Forwarded-* are kept, or null for none. */
    private final Pattern trustedProxies;

    ForwardedHeaders(String trustedProxies) {
        this.trustedProxies = trustedProxies == null || trustedProxies.isBlank() || trustedProxies.equals("(?!)")
                ? null : Pattern.compile(trustedProxies);
    }

    /**
     * The caller's headers onto the request to the service, and the gateway's. {@code bodyLength}: the length of a
     * body read here (chunked, or kept for a second try), else -1.
     */
    void toService(HttpHeaders caller, HttpHeaders service, Forwarded forwarded, String requestId, String traceparent,
            long bodyLength) {
        // the caller's, not Reactor Netty's
        service.remove(HttpHeaderNames.USER_AGENT).remove(HttpHeaderNames.ACCEPT);
        String remote = forwarded.remote().getAddress().getHostAddress();
        boolean trusted = trustedProxies != null && trustedProxies.matcher(remote).matches();
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = caller.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            CharSequence name = header.getKey();
            if (!hopByHop(name) && (trusted || !forwardedHeader(name)) && !REQUEST_ID.contentEqualsIgnoreCase(name)
                    && !TRACEPARENT.contentEqualsIgnoreCase(name)) {
                service.add(name, header.getValue());
            }
        }
        appendOrSet(service, X_FORWARDED_FOR, remote, trusted);
        appendOrSet(service, X_FORWARDED_PROTO, forwarded.scheme(), trusted);
        if (forwarded.host() != null) {
            appendOrSet(service, X_FORWARDED_HOST, forwarded.host(), trusted);
        }
        appendOrSet(service, X_FORWARDED_PORT, Integer.toString(forwarded.port()), trusted);
        service.set(REQUEST_ID, requestId);
        service.set(TRACEPARENT, traceparent);
        if (bodyLength >= 0) {
            service.setInt(HttpHeaderNames.CONTENT_LENGTH, (int) bodyLength);
        }
    }

    /** The service's headers onto the answer to the caller. */
    static void fromService(HttpHeaders service, HttpHeaders caller) {
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = service.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (!hopByHop(header.getKey())) {
                caller.add(header.getKey(), header.getValue());
            }
        }
    }

    /**
     * What Spring Security's default header writers add to every answer of the gateway, where the answer does not
     * have it already: no caching (not on a 304), no MIME sniffing, no framing, no XSS auditor, no referrer, and
     * HSTS over TLS.
     */
    static void security(HttpHeaders headers, int status, boolean https) {
        if (status != 304 && !headers.contains(HttpHeaderNames.CACHE_CONTROL) && !headers.contains(HttpHeaderNames.EXPIRES)
                && !headers.contains(HttpHeaderNames.PRAGMA)) {
            headers.set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE).set(HttpHeaderNames.PRAGMA, "no-cache")
                    .set(HttpHeaderNames.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        if (https) {
            setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    private static void appendOrSet(HttpHeaders headers, AsciiString name, String value, boolean append) {
        String existing = append ? headers.get(name) : null;
        headers.set(name, existing == null || existing.isEmpty() ? value : existing + "," + value);
    }

    private static boolean hopByHop(CharSequence name) {
        for (AsciiString hop : HOP_BY_HOP) {
            if (hop.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * X-Forwarded-* are the gateway's to write but behind a trusted proxy, and so is RFC 7239's Forwarded, which
     * Spring's forwarded-header support (the console's) reads before X-Forwarded-*: a caller's own would outrank
     * the gateway's.
     */
    private static boolean forwardedHeader(CharSequence name) {
        return name.length() > 12 ? AsciiString.regionMatches(name, true, 0, "x-forwarded-", 0, 12)
                : FORWARDED.contentEqualsIgnoreCase(name);
    }

    /**
     * What the gateway tells the service about the caller's connection.
     *
     * @param remote the caller's address
     * @param scheme {@code http} or {@code https}
     * @param host the Host the caller asked for, or null
     * @param port the port the caller asked for
     */
    record Forwarded(InetSocketAddress remote, String scheme, String host, int port) {
    }
}
