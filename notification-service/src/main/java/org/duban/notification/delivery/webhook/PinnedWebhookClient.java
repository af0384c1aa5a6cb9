package org.duban.notification.delivery.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.duban.notification.webhook.CheckedTarget;

/**
 * Sends one webhook POST to a {@link CheckedTarget} and reads the status and headers of the answer
 * (Apache HttpClient 5, classic), over a pool of kept-alive connections, so that a receiver's
 * connection — and its TLS handshake — is set up once rather than for every delivery.
 *
 * <p><b>Why there is no DNS rebinding window.</b> Every request names its peer: the target it is sent to
 * is the checked host <em>with one of the addresses the guard checked for this attempt</em> (an
 * {@link HttpHost} carrying an address is connected to that address, never looked up), and the client's
 * only resolver refuses every name, so nothing is ever resolved here. The pool keys its connections by
 * that target — scheme, host name, <em>address</em> and port — so a kept connection is used only by an
 * attempt whose own check, just made, allowed its address for that name; a name that now answers
 * another address gets a connection of its own (after its check), and one that answers a refused
 * address is refused before anything is sent. The route planner is {@link DefaultRoutePlanner}, which
 * never uses a proxy (no system properties are read); redirects and automatic retries are off. TLS is
 * unaffected by the pinning: it is given the URL's host <em>name</em>, so the receiver's certificate is
 * verified against that name and the name is sent as SNI; a connection is reused only for that name.
 * Connections live at most {@link #TIME_TO_LIVE}, idle ones {@link #IDLE}, and one idle for more than
 * {@link #VALIDATE_AFTER} is checked before it is used again (a receiver that closed it is not sent to).
 *
 * <p>The exchange (connect, TLS handshake, request, the answer's head) is bounded by the timeout: besides
 * the connect, handshake and read timeouts, a deadline cancels the request, so a receiver that trickles
 * its answer cannot hold a worker longer. The answer's body decides nothing: a short one whose length
 * is declared is read (within {@link #BODY_WAIT}) so that its connection can serve the next delivery;
 * any other is not read, and its connection is closed.
 */
final class PinnedWebhookClient implements AutoCloseable {

    private static final ContentType JSON = ContentType.create("application/json");
    /** How long a kept connection lives at most, however busy. */
    static final TimeValue TIME_TO_LIVE = TimeValue.ofMinutes(5);
    /** How long a connection is kept while nobody uses it. */
    static final TimeValue IDLE = TimeValue.ofSeconds(30);
    /** A connection idle for longer is checked (is it still open?) before it carries a request. */
    static final TimeValue VALIDATE_AFTER = TimeValue.ofMilliseconds(500);
    /** The longest answer body read to keep its connection; a longer one (or one of unknown length) closes it. */
    static final long KEPT_BODY_LIMIT = 8 * 1024;
    /** How long reading that body may take; a receiver slower than that loses the connection, not the attempt. */
    static final Duration BODY_WAIT = Duration.ofMillis(200);
    /** Connections to one receiver (name, address, port) at most; more attempts there wait for one. */
    static final int MAX_PER_PEER = 32;
    static final int MAX_TOTAL = 256;
    /** The context attribute set once the connection of an exchange is established (connected, TLS done). */
    private static final String CONNECTED = "duban.webhook.connected";

    /** No name is ever looked up: every request carries its checked address. */
    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook requests carry their checked address; nothing is looked up");
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("webhook requests carry their checked address; nothing is looked up");
        }
    };

    /** The receiver's answer: its status and its {@code Retry-After} header (or null). */
    record Answer(int status, String retryAfter) {
    }

    private final Duration timeout;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param sslContext the trust the receivers' certificates are checked with (the system's in production)
     */
    PinnedWebhookClient(Duration timeout, SSLContext sslContext) {
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(NO_LOOKUPS)
                .setSchemePortResolver(DefaultSchemePortResolver.INSTANCE)
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .setTimeToLive(TIME_TO_LIVE)
                        .setValidateAfterInactivity(VALIDATE_AFTER)
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(limit).build())
                .setMaxConnPerRoute(MAX_PER_PEER)
                .setMaxConnTotal(MAX_TOTAL)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                // runs once the connection is there: a failure before it never reached the receiver
                .addExecInterceptorAfter(ChainElement.CONNECT.name(), "connected", (request, scope, chain) -> {
                    scope.clientContext.setAttribute(CONNECTED, Boolean.TRUE);
                    return chain.proceed(request, scope);
                })
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .evictIdleConnections(IDLE)
                .evictExpiredConnections()
                .build();
        // HttpClient's classes load now, at start-up, not in the first attempt (where they cost up to a
        // second on a busy machine, against the attempt's timeout)
        new HttpPost(URI.create("http://localhost/")).setEntity(new ByteArrayEntity(new byte[0], JSON));
    }

    /**
     * POSTs {@code body} as {@code application/json} with {@code headers} to the target's URL, connected to
     * one of its checked addresses (tried in order while the connection cannot be established).
     *
     * @throws TimeoutException the exchange took longer than the timeout and was cancelled
     * @throws IOException      no connection, TLS failed, or no valid answer
     */
    Answer post(CheckedTarget target, Map<String, String> headers, byte[] body) throws IOException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException unreachable = null;
        for (InetAddress address : target.addresses()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(unreachable);
            }
            HttpHost peer = new HttpHost(target.url().getScheme(), address, target.host(), target.url().getPort());
            HttpClientContext context = HttpClientContext.create();
            try {
                return exchange(peer, target.url(), headers, body, context, deadline);
            } catch (IOException e) {
                if (context.getAttribute(CONNECTED) != null) {
                    throw e; // the request may have reached the receiver: no other address is tried
                }
                unreachable = e;
            }
        }
        throw unreachable;
    }

    private Answer exchange(HttpHost peer, URI url, Map<String, String> headers, byte[] body, HttpClientContext context,
            long deadline) throws IOException, TimeoutException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, JSON));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> cutOff = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        ClassicHttpResponse response;
        Answer answer;
        try {
            response = client.executeOpen(peer, post, context);
            Header retryAfter = response.getFirstHeader("Retry-After");
            answer = new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue());
        } catch (IOException | RuntimeException e) {
            // a cancel from the deadline surfaces as whatever the exchange was doing then: an IOException
            // mostly, an IllegalStateException when it hits HttpClient between two steps; and a step that
            // failed once the time was up (its own timeout, a lease given up) is a time-out too, whether or
            // not the deadline's thread has come round to cancelling yet
            if (expired.get() || System.nanoTime() - deadline >= 0) {
                throw timedOut(e);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("the HTTP client failed", e);
        } finally {
            cutOff.cancel(false);
        }
        keepOrClose(post, response);
        return answer;
    }

    /**
     * Reads a short body of declared length (never looked at) so that the connection goes back to the
     * pool; otherwise, or when that fails or takes longer than {@link #BODY_WAIT}, the connection is closed.
     * Nothing here changes the answer.
     */
    private void keepOrClose(HttpPost post, ClassicHttpResponse response) {
        HttpEntity entity = response.getEntity();
        boolean keep = entity == null || entity.getContentLength() >= 0 && entity.getContentLength() <= KEPT_BODY_LIMIT;
        ScheduledFuture<?> cutOff = keep && entity != null
                ? deadlines.schedule(post::cancel, BODY_WAIT.toMillis(), TimeUnit.MILLISECONDS) : null;
        try {
            if (!keep) {
                post.cancel(); // closing would read the rest of the body first: the connection is dropped instead
            } else if (entity != null) {
                try (InputStream content = entity.getContent()) {
                    content.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | RuntimeException e) {
            // cut off, or the receiver went away: the connection is dropped
        } finally {
            if (cutOff != null) {
                cutOff.cancel(false);
            }
            try {
                // a response whose body was read whole gives its connection back; any other closes it
                response.close();
            } catch (IOException | RuntimeException e) {
                // the connection is gone either way
            }
        }
    }

    private TimeoutException timedOut(Exception cause) {
        TimeoutException timedOut = new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        if (cause != null) {
            timedOut.initCause(cause);
        }
        return timedOut;
    }

    /** Connections kept now (idle and in use), for tests. */
    int keptConnections() {
        return connections.getTotalStats().getAvailable() + connections.getTotalStats().getLeased();
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        deadlines.shutdownNow();
    }

}
