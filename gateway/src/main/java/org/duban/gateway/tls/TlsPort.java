package org.duban.gateway.tls;

import org.duban.gateway.routing.Forwarder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.stereotype.Component;

/**
 * The public port with TLS, beside the gateway's plain port: the same routes ({@link Forwarder}) and the same
 * endpoints of the gateway's own (the application's {@link HttpHandler}), with the certificate and key from PEM
 * files. Compose publishes
 * only this one; the plain port stays inside the compose network, where the console calls the API (a
 * console trusting the gateway's own, possibly self-signed, certificate would need it as a trust anchor,
 * and an office certificate does not name the host {@code gateway}). Without a port configured it does
 * nothing.
 */
@Component
@EnableConfigurationProperties(TlsProperties.class)
public class TlsPort implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TlsPort.class);
    private static final String BUNDLE = "duban-gateway-tls";

    private final HttpHandler handler;
    private final Forwarder forwarder;
    private final TlsProperties properties;
    private volatile WebServer server;

    TlsPort(HttpHandler handler, Forwarder forwarder, TlsProperties properties) {
        this.handler = handler;
        this.forwarder = forwarder;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.port() == null) {
            return;
        }
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(properties.port());
        SslBundle bundle = SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificates(properties.certificate()).withPrivateKey(properties.privateKey()),
                null));
        factory.setSslBundles(new DefaultSslBundleRegistry(BUNDLE, bundle));
        factory.setSsl(Ssl.forBundle(BUNDLE));
        factory.setShutdown(Shutdown.GRACEFUL);
        factory.addRouteProviders(forwarder.routeProvider());
        WebServer started = factory.getWebServer(handler);
        started.start();
        server = started;
        log.info("TLS on port {} (certificate {})", started.getPort(), properties.certificate());
    }

    @Override
    public void stop(Runnable callback) {
        WebServer running = server;
        if (running == null) {
            callback.run();
            return;
        }
        running.shutDownGracefully(result -> {
            running.stop();
            server = null;
            callback.run();
        });
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE;
    }

    /** The port it listens on (the one asked for, or the one given for port 0), or -1 when there is none. */
    public int port() {
        WebServer running = server;
        return running == null ? -1 : running.getPort();
    }
}
