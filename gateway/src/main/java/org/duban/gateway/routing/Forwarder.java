package org.duban.gateway.routing;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import org.duban.gateway.accesslog.RequestTimings;
import org.duban.gateway.bodylimit.BodyLimitProperties;
import org.duban.gateway.problem.Problems;
import org.duban.gateway.requestid.RequestIdFilter;
import org.duban.gateway.requestid.RequestLogContext;
import org.duban.gateway.security.BearerTokens;
import org.duban.gateway.security.PlainRequests;
import org.duban.gateway.tracing.Trace;
import org.duban.gateway.tracing.Traces;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's hot path (ADR 0017): every request whose path a route takes ({@link Routes}) is forwarded here,
 * on Reactor Netty, by plain steps — the rest (dev tokens, API documents, unknown paths, anything Spring
 * Security's firewall would refuse: {@link PlainRequests}) goes on to Spring WebFlux as before. The steps, in
 * order:
 * <ol>
 *   <li>the request id kept or made ({@link RequestIdFilter#keepOrMake}), the trace continued or started
 *       ({@link Traces}: spans only when sampled);</li>
 *   <li>the bearer token checked ({@link BearerTokens}: required on the API but its open paths, checked
 *       wherever one is sent) — {@code 401} problem;</li>
 *   <li>the body limit: a {@code Content-Length} over it at once, a chunked body read (counted, kept) up to it —
 *       {@code 413} problem; the body of a GET, HEAD or OPTIONS is kept too, for a second try;</li>
 *   <li>the route's circuit breaker asked for a permission — {@code 503} problem when open;</li>
 *   <li>the call on a kept-alive connection ({@link ServiceConnections}), headers copied once
 *       ({@link ForwardedHeaders}); a GET, HEAD or OPTIONS whose connection broke before an answer is sent once
 *       more (logged with its cause); the service's answer, whatever its status, is the breaker's success; a
 *       refused connection, no answer within the route's timeout or a broken connection is its failure, the
 *       gateway's own saturation (no free connection in time) neither — {@code 503} problem naming the service,
 *       logged with its cause; nor a caller's body that broke off before its end — {@code 400} problem, if the
 *       caller still listens;</li>
 *   <li>the access log line ({@code org.duban.access}), the spans ended, the request timed
 *       ({@link RequestTimings}: {@code http.server.requests}).</li>
 * </ol>
 */
@Component
public class Forwarder implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
    private static final Logger access = LoggerFactory.getLogger("org.duban.access");
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final Routes routes;
    private final BearerTokens tokens;
    private final Traces traces;
    private final ForwardedHeaders headers;
    private final long maxBody;
    private final JsonMapper json;
    private final RequestTimings timings;

    Forwarder(Routes routes, BearerTokens tokens, Traces traces, RoutingProperties routing, BodyLimitProperties limit,
            JsonMapper json, RequestTimings timings) {
        this.timings = timings;
        this.routes = routes;
        this.tokens = tokens;
        this.traces = traces;
        this.headers = new ForwardedHeaders(routing.trustedProxies());
        this.maxBody = limit.maxRequestBody().toBytes();
        this.json = json;
    }

    /** For a port's Reactor Netty server: the requests this takes come here, the others go on to Spring. */
    public NettyRouteProvider routeProvider() {
        return serverRoutes -> serverRoutes.route(this::takes, this);
    }

    /** Whether a route takes the request's path and the request is plain enough to forward. */
    boolean takes(HttpServerRequest request) {
        String target = request.uri();
        return routes.find(pathOf(target)) != null
                && PlainRequests.plain(request.method(), target, request.requestHeaders());
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        long started = System.nanoTime();
        String target = request.uri();
        String path = pathOf(target);
        HttpHeaders incoming = request.requestHeaders();
        String requestId = RequestIdFilter.keepOrMake(incoming.get(ForwardedHeaders.REQUEST_ID));
        Trace trace = traces.start(incoming.get(ForwardedHeaders.TRACEPARENT), request.method().name(), path);
        Call call = new Call(request, response, routes.find(path), target, path, requestId, trace, started);
        Mono<Void> answered;
        try {
            answered = authenticated(call);
        } catch (BearerTokens.Refused refused) {
            answered = unauthenticated(call, refused.detail());
        }
        return answered.onErrorResume(failure -> gatewayFailed(call, failure)).doFinally(signal -> finished(call));
    }

    private Mono<Void> authenticated(Call call) {
        String token = BearerTokens.tokenOf(call.request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
        if (token == null) {
            return BearerTokens.required(call.path) ? unauthenticated(call, "A bearer token is required.") : limited(call);
        }
        if (tokens.remembered(token)) {
            return limited(call);
        }
        return tokens.verify(token)
                .onErrorResume(BearerTokens.Refused.class, refused -> {
                    call.refusal = refused.detail();
                    return Mono.empty();
                })
                .then(Mono.defer(() -> call.refusal != null ? unauthenticated(call, call.refusal) : limited(call)));
    }

    private Mono<Void> limited(Call call) {
        HttpHeaders incoming = call.request.requestHeaders();
        long length = contentLength(incoming);
        if (length > maxBody) {
            return tooLarge(call);
        }
        boolean chunked = incoming.contains(HttpHeaderNames.TRANSFER_ENCODING);
        if (!chunked && length <= 0) {
            return guarded(call);
        }
        if (!chunked && !call.safe) {
            call.streamBody = true;
            return guarded(call);
        }
        // a chunked body (no length to check) or one that may be sent twice: read here, counted, kept
        call.body = call.response.alloc().buffer(chunked ? 1024 : (int) length);
        return call.request.receive()
                .doOnNext(chunk -> {
                    if (call.body.readableBytes() + (long) chunk.readableBytes() > maxBody) {
                        throw new BodyTooLarge();
                    }
                    call.body.writeBytes(chunk);
                })
                .then(Mono.defer(() -> guarded(call)))
                .onErrorResume(BodyTooLarge.class, tooLarge -> tooLarge(call));
    }

    private Mono<Void> guarded(Call call) {
        CircuitBreaker breaker = call.route.breaker();
        if (!breaker.tryAcquirePermission()) {
            return unavailable(call, ServiceUnavailable.BREAKER_OPEN, null);
        }
        call.called = System.nanoTime();
        call.permit();
        Mono<Void> sent = send(call);
        if (call.safe) {
            sent = sent.onErrorResume(failure -> brokenBeforeAnswer(call, failure), failure -> {
                try (RequestLogContext context = call.logContext()) {
                    log.warn("{}: {} {}: the connection broke before an answer ({}); sending it once more",
                            call.route.name(), call.request.method(), call.path, ServiceUnavailable.cause(failure));
                }
                return send(call);
            });
        }
        return sent.onErrorResume(failure -> serviceFailed(call, failure));
    }

    private Mono<Void> send(Call call) {
        Route route = call.route;
        return route.connections().call(call.channel(), call.request.method(), route.base() + call.target,
                outgoing -> {
                    String traceparent = call.trace.callStarted(route.service(), call.request.method().name());
                    headers.toService(call.request.requestHeaders(), outgoing, call.forwarded(), call.requestId,
                            traceparent, call.body == null ? -1 : call.body.readableBytes());
                },
                call.body, call.streamBody ? call.request.receive().retain() : null, route.timeout(),
                (answer, body) -> {
                    answered(call, answer);
                    return call.response.send(body);
                });
    }

    /** The service answered: a success of its breaker, whatever the status; the answer goes to the caller. */
    private void answered(Call call, HttpResponse answer) {
        call.answered = true;
        settleBreaker(call, null);
        int status = answer.status().code();
        call.trace.callEnded(status, null);
        HttpServerResponse response = call.response;
        response.status(answer.status());
        HttpHeaders out = response.responseHeaders();
        ForwardedHeaders.fromService(answer.headers(), out);
        out.set(ForwardedHeaders.REQUEST_ID, call.requestId);
        ForwardedHeaders.security(out, status, call.https());
    }

    private static boolean brokenBeforeAnswer(Call call, Throwable failure) {
        boolean broken = failure instanceof ServiceConnections.ClosedBeforeAnswer
                || AbortedException.isConnectionReset(failure);
        return broken && !call.answered && !call.response.hasSentHeaders();
    }

    /**
     * The call failed before the service answered: the breaker's failure (but the gateway's saturation), 503; or the
     * caller's body broke off, neither a failure nor a success of the service's, 400 if the caller still listens.
     */
    private Mono<Void> serviceFailed(Call call, Throwable failure) {
        if (call.answered) {
            // the answer had begun: the caller's connection is closed, there is nothing else to say
            return Mono.error(failure);
        }
        if (failure instanceof ServiceConnections.BodyBrokeOff) {
            // the breaker's permission stays unsettled: the end of the request gives it back (finished)
            call.trace.callEnded(0, failure);
            try (RequestLogContext context = call.logContext()) {
                log.info("{} {}: the caller's body broke off before its end ({}); the call to {} was given up",
                        call.request.method(), call.path, ServiceUnavailable.cause(failure.getCause()),
                        call.route.service());
            }
            return problem(call, HttpStatus.BAD_REQUEST, "The request body ended before the length it announced.");
        }
        settleBreaker(call, failure);
        call.trace.callEnded(0, failure);
        return unavailable(call, ServiceUnavailable.reason(failure, call.route.timeout()), failure);
    }

    private void settleBreaker(Call call, Throwable failure) {
        if (!call.takePermit()) {
            return;
        }
        long took = System.nanoTime() - call.called;
        if (failure == null) {
            call.route.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            // the gateway's saturation is one of the breakers' ignored exceptions (application.yml)
            call.route.breaker().onError(took, TimeUnit.NANOSECONDS, failure);
        }
    }

    private Mono<Void> unavailable(Call call, String reason, Throwable failure) {
        try (RequestLogContext context = call.logContext()) {
            if (failure == null) {
                log.warn("{} is unavailable: {}", call.route.service(), reason);
            } else {
                log.warn("{} is unavailable: {} ({})", call.route.service(), reason, ServiceUnavailable.cause(failure));
            }
        }
        return problem(call, HttpStatus.SERVICE_UNAVAILABLE, ServiceUnavailable.detail(call.route.service(), reason));
    }

    private Mono<Void> unauthenticated(Call call, String detail) {
        call.response.header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        return problem(call, HttpStatus.UNAUTHORIZED, detail);
    }

    private Mono<Void> tooLarge(Call call) {
        return problem(call, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + maxBody + " bytes the gateway accepts.");
    }

    /** A failure of the gateway itself (a bug): 500 problem, logged, unless the answer had begun. */
    private Mono<Void> gatewayFailed(Call call, Throwable failure) {
        if (call.response.hasSentHeaders() || failure instanceof AbortedException
                || AbortedException.isConnectionReset(failure)) {
            // the answer had begun, or the caller went away: nothing more to say
            return Mono.error(failure);
        }
        try (RequestLogContext context = call.logContext()) {
            log.error("Request {} {} failed", call.request.method(), call.path, failure);
        }
        return problem(call, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to handle the request.");
    }

    private Mono<Void> problem(Call call, HttpStatus status, String detail) {
        byte[] body = json.writeValueAsBytes(Problems.members(Problems.of(status, detail, call.requestId)));
        HttpServerResponse response = call.response;
        response.status(status.value());
        HttpHeaders out = response.responseHeaders();
        out.set(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(ForwardedHeaders.REQUEST_ID, call.requestId);
        ForwardedHeaders.security(out, status.value(), call.https());
        return response.sendByteArray(Mono.just(body)).then();
    }

    /** The end of every forwarded request: the breaker's permission given back if unused, the body, the log line. */
    private void finished(Call call) {
        if (call.takePermit()) {
            // the caller went away before the service answered: neither a success nor a failure
            call.route.breaker().releasePermission();
        }
        if (call.body != null) {
            call.body.release();
            call.body = null;
        }
        int status = call.response.status().code();
        call.trace.ended(status);
        timings.record(call.pattern, call.request.method().name(), status, System.nanoTime() - call.started);
        if (access.isInfoEnabled()) {
            try (RequestLogContext context = call.logContext()) {
                // the line made here, not by the logger from a pattern and boxed arguments: the same text for less
                access.info(call.request.method().name() + " " + call.path + " -> " + status + " in "
                        + (System.nanoTime() - call.started) / 1_000_000 + " ms");
            }
        }
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static long contentLength(HttpHeaders headers) {
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    /** A chunked body past the limit. */
    private static final class BodyTooLarge extends RuntimeException {

        BodyTooLarge() {
            super("body over the limit", null, false, false);
        }
    }

    /**
     * One forwarded request and what is known about it so far: touched on the caller's connection's event loop but
     * for the breaker's permit and the answer's start, which the service's connection's event loop may touch too.
     */
    private static final class Call {

        final HttpServerRequest request;
        final HttpServerResponse response;
        final Route route;
        /** The route's path that took it, e.g. {@code /api/v1/units/**}. */
        final String pattern;
        final String target;
        final String path;
        final String requestId;
        final Trace trace;
        final long started;
        final boolean safe;
        String refusal;
        ByteBuf body;
        boolean streamBody;
        /** A permission of the breaker taken and not yet given back (success, failure or release). */
        private boolean permitted;
        /** The service's answer began: set on the client's event loop, read on the server's. */
        volatile boolean answered;
        long called;

        Call(HttpServerRequest request, HttpServerResponse response, Routes.Taken taken, String target, String path,
                String requestId, Trace trace, long started) {
            this.request = request;
            this.response = response;
            this.route = taken.route();
            this.pattern = taken.pattern();
            this.target = target;
            this.path = path;
            this.requestId = requestId;
            this.trace = trace;
            this.started = started;
            HttpMethod method = request.method();
            this.safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        }

        /**
         * Whether the breaker's permission was still to be settled — now it is not. The service's answer (on the
         * client connection's event loop) and the caller's going away (on the server's) may race.
         */
        synchronized void permit() {
            permitted = true;
        }

        synchronized boolean takePermit() {
            boolean taken = permitted;
            permitted = false;
            return taken;
        }

        boolean https() {
            return "https".equals(request.scheme());
        }

        /** The caller's connection: the service's is taken on its event loop. */
        Channel channel() {
            Channel[] channel = new Channel[1];
            request.withConnection(connection -> channel[0] = connection.channel());
            return channel[0];
        }

        ForwardedHeaders.Forwarded forwarded() {
            InetSocketAddress remote = request.remoteAddress();
            return new ForwardedHeaders.Forwarded(remote, request.scheme(),
                    request.requestHeaders().get(HttpHeaderNames.HOST), request.hostPort());
        }

        RequestLogContext logContext() {
            return RequestLogContext.of(trace.traceId(), trace.spanId(), requestId);
        }
    }
}
