package org.duban.client;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's client, repeating a read or a call with an {@code Idempotency-Key} after a failed exchange or an answer
 * that says "later" (429, 502, 503, 504). Other calls go through once. The last attempt's answer, whatever it is,
 * goes to the caller as it came.
 */
final class RetryingHttpClient extends HttpClient {

    private static final Set<Integer> LATER = Set.of(429, 502, 503, 504);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final HttpClient delegate;
    private final int retries;
    private final Duration firstBackoff;

    RetryingHttpClient(HttpClient delegate, int retries, Duration firstBackoff) {
        this.delegate = delegate;
        this.retries = retries;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        if (!repeatable(request)) {
            return delegate.send(request, handler);
        }
        for (int attempt = 0; ; attempt++) {
            Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempt, 16));
            if (attempt == retries) {
                return delegate.send(request, handler);
            }
            Later later = new Later(backoff);
            try {
                HttpResponse<T> response = delegate.send(request, later.or(handler));
                if (!later.asked()) {
                    return response;
                }
                Thread.sleep(later.pause.toMillis());
            } catch (IOException failed) {
                Thread.sleep(backoff.toMillis());
            }
        }
    }

    static boolean repeatable(HttpRequest request) {
        return READS.contains(request.method()) || request.headers().firstValue("Idempotency-Key").isPresent();
    }

    /** Recognises an answer "later" whose wait is acceptable, drops its body, and remembers how long to wait. */
    private static final class Later {

        private Duration pause;
        private boolean asked;

        Later(Duration backoff) {
            this.pause = backoff;
        }

        <T> BodyHandler<T> or(BodyHandler<T> handler) {
            return info -> {
                if (LATER.contains(info.statusCode())) {
                    Optional<Duration> retryAfter = retryAfter(info.headers());
                    if (retryAfter.isEmpty() || retryAfter.get().compareTo(LONGEST_WAIT) <= 0) {
                        retryAfter.filter(longer -> longer.compareTo(pause) > 0).ifPresent(longer -> pause = longer);
                        asked = true;
                        return BodySubscribers.replacing(null);
                    }
                }
                return handler.apply(info);
            };
        }

        boolean asked() {
            return asked;
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
