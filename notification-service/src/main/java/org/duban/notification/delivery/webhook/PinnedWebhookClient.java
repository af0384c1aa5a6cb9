package org.duban.notification.delivery.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.duban.notification.webhook.CheckedTarget;

/**
 * Sends one webhook POST to a {@link CheckedTarget} and reads the status and headers of the answer,
 * never its body (Apache HttpClient 5, classic).
 *
 * <p><b>Why there is no DNS rebinding window.</b> Every attempt gets a client of its own whose only
 * resolver is a {@link PinnedDnsResolver} holding the addresses the guard checked for this attempt: the
 * client asks it for the target's host and gets exactly those addresses, and any other name fails. The
 * route planner is {@link DefaultRoutePlanner}, which never uses a proxy (no system properties are read),
 * redirects and automatic retries are off, and the connection manager holds one connection and dies
 * with the attempt. So the socket connects to a checked address — there is no second lookup that a
 * rebinding DNS server could answer differently — and no pooled connection outlives the check it was
 * made after. TLS is unaffected by the pinning: the TLS strategy is given the URL's host <em>name</em>,
 * so the receiver's certificate is verified against that name and the name is sent as SNI; the address
 * only chooses the socket's peer.
 *
 * <p>The whole exchange (connect, TLS handshake, request, the answer's head) is bounded by the timeout:
 * besides the connect, handshake and read timeouts, a deadline cancels the request, so a receiver that
 * trickles its answer cannot hold a worker longer.
 */
final class PinnedWebhookClient {

    private static final ContentType JSON = ContentType.create("application/json");

    /** The receiver's answer: its status and its {@code Retry-After} header (or null). */
    record Answer(int status, String retryAfter) {
    }

    private final Duration timeout;
    private final Lookup<TlsSocketStrategy> tls;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /** @param sslContext the trust the receivers' certificates are checked with (the system's in production) */
    PinnedWebhookClient(Duration timeout, SSLContext sslContext) {
        this.timeout = timeout;
        this.tls = RegistryBuilder.<TlsSocketStrategy>create()
                .register("https", ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic())
                .build();
        warmUp();
    }

    /**
     * Builds and closes one client, no connection made: HttpClient's classes load now, at start-up, not in
     * the first attempt (where they cost up to a second on a busy machine, against the attempt's timeout).
     */
    private void warmUp() {
        CheckedTarget nowhere = new CheckedTarget(URI.create("http://localhost/"), "localhost",
                List.of(InetAddress.getLoopbackAddress()));
        try (CloseableHttpClient client = client(nowhere)) {
            new HttpPost(nowhere.url()).setEntity(new ByteArrayEntity(new byte[0], JSON));
        } catch (IOException e) {
            // closing a client that never connected: nothing to report
        }
    }

    /**
     * POSTs {@code body} as {@code application/json} with {@code headers} to the target's URL, connected to
     * one of its checked addresses (tried in order).
     *
     * @throws TimeoutException the exchange took longer than the timeout and was cancelled
     * @throws IOException      no connection, TLS failed, or no valid answer
     */
    Answer post(CheckedTarget target, Map<String, String> headers, byte[] body) throws IOException, TimeoutException {
        HttpPost post = new HttpPost(target.url());
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, JSON));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        // the target HttpHost is taken from the request's URL; its host is the one the resolver answers
        try (CloseableHttpClient client = client(target);
                ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            // closed unread: the body is never looked at
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue());
        } catch (IOException | RuntimeException e) {
            // a cancel from the deadline surfaces as whatever the exchange was doing then: an IOException
            // mostly, an IllegalStateException when it hits HttpClient between two steps
            if (expired.get()) {
                TimeoutException timedOut = new TimeoutException("no answer within " + timeout.toMillis() + " ms");
                timedOut.initCause(e);
                throw timedOut;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("the HTTP client failed", e);
        } finally {
            deadline.cancel(false);
        }
    }

    private CloseableHttpClient client(CheckedTarget target) {
        Timeout limit = Timeout.of(timeout);
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, new PinnedDnsResolver(target), tls,
                ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build());
        connections.setTlsConfig(TlsConfig.custom().setHandshakeTimeout(limit).build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .setRedirectsEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .build();
    }
}
