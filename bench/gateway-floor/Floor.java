import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import org.duban.contracts.token.TokenClaims;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor of a JVM reverse proxy on this machine (issue #14, bench/gateway-floor): a hand-written forwarder on
 * Reactor Netty — its HttpServer in front, a pooled keep-alive HttpClient behind, on the same event loops, the
 * versions the gateway runs — in one of three variants, each a step closer to what the gateway does per request:
 * <ul>
 *   <li>{@code bare}: method, path and query, body; back the status, Content-Type, Content-Length and body;</li>
 *   <li>{@code headers}: + every request and response header copied but the hop-by-hop ones, X-Forwarded-For,
 *       -Proto, -Host, -Port (the caller's own: no proxy trusted), a traceparent (the caller's trace continued,
 *       else a new one; a new span id), an X-Request-Id kept or made, both ways (as the gateway's
 *       RequestIdFilter);</li>
 *   <li>{@code token}: + a bearer token required on every path but /api/v1/public/ and checked as the gateway's
 *       TokenValidation and CachingJwtDecoder do — RS256 signature by Spring Security's Nimbus decoder, once per
 *       token; remembered by its SHA-256 digest for 5 min; expiry, issuer, audience and the unit/office rule
 *       (contracts' TokenClaims) checked on every call — and one access-log line per request (logback, the
 *       gateway's logger and message, its ids in the MDC).</li>
 * </ul>
 * The pool is the gateway's: 200 connections, 5 s to get one, idle ones closed after 20 s; 2 s to connect, 10 s
 * for an answer. Not done here: spans and metrics (the gateway's observations), circuit breakers, the request
 * body limit, the problem documents of its errors.
 *
 * <pre>java -cp &lt;the gateway's BOOT-INF/lib/*&gt;:&lt;classes&gt; Floor bare|headers|token PORT BACKEND_URL \
 *     [PUBLIC_KEY_PEM ISSUER AUDIENCE]</pre>
 */
final class Floor {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.duban.access");
    private static final Set<AsciiString> HOP_BY_HOP = Set.of(HttpHeaderNames.CONNECTION, AsciiString.cached("keep-alive"),
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE,
            HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION,
            AsciiString.cached("proxy-connection"), HttpHeaderNames.HOST);
    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString X_FORWARDED_PORT = AsciiString.cached("x-forwarded-port");
    static final AsciiString TRACEPARENT = AsciiString.cached("traceparent");
    static final AsciiString REQUEST_ID = AsciiString.cached("x-request-id");
    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final HttpClient client;
    private final Tokens tokens;

    private Floor(HttpClient client, Tokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws IOException {
        String variant = args[0];
        ConnectionProvider pool = ConnectionProvider.builder("backend").maxConnections(200)
                .pendingAcquireTimeout(Duration.ofSeconds(5)).maxIdleTime(Duration.ofSeconds(20))
                .evictInBackground(Duration.ofSeconds(10)).build();
        HttpClient client = HttpClient.create(pool).baseUrl(args[2])
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(Duration.ofSeconds(10));
        Floor floor = new Floor(client, variant.equals("token") ? new Tokens(Path.of(args[3]), args[4], args[5]) : null);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(Integer.parseInt(args[1]))
                .handle(switch (variant) {
                    case "bare" -> floor::bare;
                    case "headers" -> floor::headers;
                    case "token" -> floor::token;
                    default -> throw new IllegalArgumentException("variant: bare, headers or token, not " + variant);
                })
                .bindNow();
        System.out.println("floor " + variant + " listening on " + server.port());
        server.onDispose().block();
    }

    /** (a) Method, path and body on; status, Content-Type, Content-Length and body back. */
    private Publisher<Void> bare(HttpServerRequest request, HttpServerResponse response) {
        return client.request(request.method()).uri(request.uri())
                .send((outgoing, body) -> body.send(request.receive().retain()))
                .response((answer, body) -> {
                    response.status(answer.status());
                    copy(answer.responseHeaders(), response.responseHeaders(), HttpHeaderNames.CONTENT_TYPE);
                    copy(answer.responseHeaders(), response.responseHeaders(), HttpHeaderNames.CONTENT_LENGTH);
                    return response.send(body.retain());
                })
                .then()
                .onErrorResume(failure -> badGateway(response));
    }

    /** (b) As {@link #bare} with the headers: copied both ways, X-Forwarded-*, traceparent, X-Request-Id. */
    private Publisher<Void> headers(HttpServerRequest request, HttpServerResponse response) {
        return forward(request, response, requestId(request.requestHeaders().get(REQUEST_ID)));
    }

    /** (c) As {@link #headers} behind a checked bearer token, with an access-log line. */
    private Publisher<Void> token(HttpServerRequest request, HttpServerResponse response) {
        long started = System.nanoTime();
        String requestId = requestId(request.requestHeaders().get(REQUEST_ID));
        String traceparent = traceparent(request.requestHeaders().get(TRACEPARENT));
        Mono<Void> forwarded;
        if (request.uri().startsWith("/api/v1/public/")) {
            forwarded = forward(request, response, requestId, traceparent);
        } else {
            String token = bearer(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
            forwarded = token == null ? unauthorized(response, requestId)
                    : tokens.verified(token).hasElement().flatMap(valid -> valid
                            ? forward(request, response, requestId, traceparent) : unauthorized(response, requestId));
        }
        return forwarded.doFinally(signal -> accessLog(request, response, requestId, traceparent, started));
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response, String requestId) {
        return forward(request, response, requestId, traceparent(request.requestHeaders().get(TRACEPARENT)));
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response, String requestId,
            String traceparent) {
        return client.request(request.method()).uri(request.uri())
                .send((outgoing, body) -> {
                    // the caller's, not Reactor Netty's defaults
                    HttpHeaders headers = outgoing.requestHeaders().remove(HttpHeaderNames.USER_AGENT)
                            .remove(HttpHeaderNames.ACCEPT);
                    for (Map.Entry<CharSequence, CharSequence> header : iterable(request.requestHeaders())) {
                        if (!hopByHop(header.getKey()) && !forwardedHere(header.getKey())) {
                            headers.add(header.getKey(), header.getValue());
                        }
                    }
                    String host = request.requestHeaders().get(HttpHeaderNames.HOST);
                    headers.set(X_FORWARDED_FOR, request.remoteAddress().getAddress().getHostAddress());
                    headers.set(X_FORWARDED_PROTO, request.scheme());
                    if (host != null) {
                        headers.set(X_FORWARDED_HOST, host);
                    }
                    headers.set(X_FORWARDED_PORT, Integer.toString(request.hostPort()));
                    headers.set(TRACEPARENT, traceparent);
                    headers.set(REQUEST_ID, requestId);
                    return body.send(request.receive().retain());
                })
                .response((answer, body) -> {
                    response.status(answer.status());
                    HttpHeaders headers = response.responseHeaders();
                    for (Map.Entry<CharSequence, CharSequence> header : iterable(answer.responseHeaders())) {
                        if (!hopByHop(header.getKey())) {
                            headers.add(header.getKey(), header.getValue());
                        }
                    }
                    headers.set(REQUEST_ID, requestId);
                    return response.send(body.retain());
                })
                .then()
                .onErrorResume(failure -> response.hasSentHeaders() ? Mono.empty()
                        : badGateway(response.header(REQUEST_ID, requestId)));
    }

    /** The backend could not be reached or did not answer: 502, unless the answer had begun already. */
    private static Mono<Void> badGateway(HttpServerResponse response) {
        return response.hasSentHeaders() ? Mono.empty() : response.status(HttpResponseStatus.BAD_GATEWAY).send().then();
    }

    private static Mono<Void> unauthorized(HttpServerResponse response, String requestId) {
        return response.status(HttpResponseStatus.UNAUTHORIZED).header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer")
                .header(REQUEST_ID, requestId).send().then();
    }

    private static void accessLog(HttpServerRequest request, HttpServerResponse response, String requestId,
            String traceparent, long started) {
        accessLine(request.method().name(), request.path().isEmpty() ? "/" : "/" + request.path(),
                response.status().code(), requestId, traceparent, started);
    }

    /** The access-log line: the gateway's logger and message, its ids in the MDC. */
    static void accessLine(String method, String path, int status, String requestId, String traceparent,
            long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        MDC.put("traceId", traceparent.substring(3, 35));
        MDC.put("spanId", traceparent.substring(36, 52));
        MDC.put("requestId", requestId);
        try {
            ACCESS.info("{} {} -> {} in {} ms", method, path, status, (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
            MDC.remove("requestId");
        }
    }

    /** The token of an {@code Authorization: Bearer …} header, else null. */
    static String bearer(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        return token == null || token.isEmpty() ? null : token;
    }

    static Iterable<Map.Entry<CharSequence, CharSequence>> iterable(HttpHeaders headers) {
        return headers::iteratorCharSequence;
    }

    static boolean hopByHop(CharSequence name) {
        for (AsciiString hop : HOP_BY_HOP) {
            if (hop.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** X-Forwarded-* are the proxy's to write: no proxy in front is trusted, a caller's own are dropped. */
    static boolean forwardedHere(CharSequence name) {
        return name.length() > 12 && AsciiString.regionMatches(name, true, 0, "x-forwarded-", 0, 12);
    }

    private static void copy(HttpHeaders from, HttpHeaders to, AsciiString name) {
        String value = from.get(name);
        if (value != null) {
            to.set(name, value);
        }
    }

    /** The incoming id when it is well-formed, else a random one (as the gateway's RequestIdFilter). */
    static String requestId(String incoming) {
        if (incoming != null && WELL_FORMED_ID.matcher(incoming).matches()) {
            return incoming;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The caller's trace continued with a new span id, else a new sampled trace (W3C trace context). */
    static String traceparent(String incoming) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(55).append("00-");
        if (incoming != null && TRACEPARENT_FORMAT.matcher(incoming).matches()) {
            out.append(incoming, 3, 35);
        } else {
            hex(out, random.nextLong());
            hex(out, random.nextLong());
        }
        out.append('-');
        hex(out, random.nextLong());
        return out.append("-01").toString();
    }

    private static void hex(StringBuilder out, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    /**
     * Bearer tokens as the gateway checks them (TokenValidation, CachingJwtDecoder): the signature once per token,
     * by Spring Security's Nimbus decoder with the gateway's validators; a verified token remembered by its SHA-256
     * digest for at most 5 minutes, 2,048 of them at most, its claims validated again on every call.
     */
    static final class Tokens {

        private static final Duration MAX_AGE = Duration.ofMinutes(5);
        private static final int CAPACITY = 2048;

        private record Verified(Jwt jwt, Instant at) {
        }

        private final NimbusReactiveJwtDecoder verifier;
        private final OAuth2TokenValidator<Jwt> validator;
        private final ConcurrentHashMap<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();

        Tokens(Path publicKey, String issuer, String audience) throws IOException {
            RSAPublicKey key;
            try (InputStream pem = Files.newInputStream(publicKey)) {
                key = RsaKeyConverters.x509().convert(pem);
            }
            verifier = NimbusReactiveJwtDecoder.withPublicKey(key).build();
            validator = new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(),
                    new JwtIssuerValidator(issuer), new JwtAudienceValidator(audience), Tokens::claimsRule));
            verifier.setJwtValidator(validator);
        }

        /** The token's claims when it is valid, else empty. */
        Mono<Jwt> verified(String token) {
            ByteBuffer key = digest(token);
            Verified known = verified.get(key);
            if (known != null) {
                if (fresh(known, Instant.now()) && known.jwt().getTokenValue().equals(token)
                        && !validator.validate(known.jwt()).hasErrors()) {
                    return Mono.just(known.jwt());
                }
                verified.remove(key, known);
            }
            return verifier.decode(token).doOnNext(jwt -> remember(key, jwt)).onErrorResume(failure -> Mono.empty());
        }

        private void remember(ByteBuffer key, Jwt jwt) {
            Instant now = Instant.now();
            if (verified.size() >= CAPACITY) {
                verified.values().removeIf(entry -> !fresh(entry, now));
                if (verified.size() >= CAPACITY) {
                    verified.clear();
                }
            }
            verified.put(key, new Verified(jwt, now));
        }

        private static boolean fresh(Verified entry, Instant now) {
            Instant expiresAt = entry.jwt().getExpiresAt();
            return entry.at().plus(MAX_AGE).isAfter(now) && (expiresAt == null || expiresAt.isAfter(now));
        }

        private static OAuth2TokenValidatorResult claimsRule(Jwt jwt) {
            return TokenClaims.refusal(jwt.getClaims().get(TokenClaims.ROLES), jwt.getClaims().get(TokenClaims.UNIT_ID))
                    .map(reason -> OAuth2TokenValidatorResult.failure(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null)))
                    .orElseGet(OAuth2TokenValidatorResult::success);
        }

        private static ByteBuffer digest(String token) {
            try {
                return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }
}
