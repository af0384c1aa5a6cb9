package org.duban.gateway.routing;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link Forwarder} in front of Spring on the gateway's public port: one Reactor Netty server, whose
 * routed requests the forwarder takes and whose other requests Spring WebFlux's handler gets, as before. Only
 * the public port's server factory: the management port's (a child context's) routes nothing.
 */
@Component
class ForwardingPort implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    private final Forwarder forwarder;

    ForwardingPort(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addRouteProviders(forwarder.routeProvider());
    }
}
