package org.duban.gateway.problem;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/** Puts an {@link UnparseableRequestHandler} behind the HTTP decoder of every connection the gateway accepts. */
@Component
class UnparseableRequests implements NettyServerCustomizer {

    private static final String HANDLER = "duban.unparseableRequests";

    private final JsonMapper json;

    UnparseableRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new UnparseableRequestHandler(json));
            }
        });
    }
}
