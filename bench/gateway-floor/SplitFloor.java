import java.util.ArrayDeque;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.FastThreadLocal;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Between {@link Floor}'s {@code bare} and {@link NettyFloor}'s: the same forward with Reactor Netty's server in front
 * (as the gateway has it, WebFlux beside) and a plain Netty client behind — kept-alive backend connections pooled per
 * event loop, each used by one request at a time on the caller's connection's event loop, whole messages — so that
 * what Reactor Netty's server costs can be told from what its client and pool cost (issue #14, bench/gateway-floor).
 *
 * <pre>java -cp &lt;the gateway's BOOT-INF/lib/*&gt;:&lt;classes&gt; SplitFloor PORT BACKEND_HOST BACKEND_PORT</pre>
 */
final class SplitFloor {

    private static final int MAX_BODY = 1 << 20;
    /** The idle backend connections of the event loop this runs on. */
    private static final FastThreadLocal<ArrayDeque<Channel>> IDLE = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() {
            return new ArrayDeque<>();
        }
    };

    private final Bootstrap backend;
    private final String host;

    private SplitFloor(Bootstrap backend, String host) {
        this.backend = backend;
        this.host = host;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Bootstrap backend = new Bootstrap().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .option(ChannelOption.TCP_NODELAY, true).remoteAddress(args[1], Integer.parseInt(args[2]))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY),
                                new Back());
                    }
                });
        SplitFloor floor = new SplitFloor(backend, args[1] + ":" + args[2]);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port).handle(floor::forward).bindNow();
        System.out.println("floor split listening on " + server.port());
        server.onDispose().block();
    }

    private Publisher<Void> forward(HttpServerRequest request, HttpServerResponse response) {
        Channel[] front = new Channel[1];
        request.withConnection(connection -> front[0] = connection.channel());
        HttpHeaders incoming = request.requestHeaders();
        Mono<ByteBuf> body = incoming.contains(HttpHeaderNames.CONTENT_LENGTH)
                || incoming.contains(HttpHeaderNames.TRANSFER_ENCODING)
                ? request.receive().aggregate().retain().defaultIfEmpty(Unpooled.EMPTY_BUFFER)
                : Mono.just(Unpooled.EMPTY_BUFFER);
        return body.flatMap(content -> Mono.<FullHttpResponse>create(sink -> {
                    FullHttpRequest forwarded = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
                            request.uri(), content);
                    forwarded.headers().set(HttpHeaderNames.HOST, host);
                    HttpUtil.setContentLength(forwarded, content.readableBytes());
                    call(front[0], forwarded, sink);
                }))
                .flatMap(answer -> {
                    response.status(answer.status());
                    String type = answer.headers().get(HttpHeaderNames.CONTENT_TYPE);
                    if (type != null) {
                        response.header(HttpHeaderNames.CONTENT_TYPE, type);
                    }
                    response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(answer.content().readableBytes()));
                    return response.send(Mono.just(answer.content())).then();
                })
                .onErrorResume(failure -> response.hasSentHeaders() ? Mono.empty()
                        : response.status(HttpResponseStatus.BAD_GATEWAY).send().then());
    }

    /** On the caller's connection's event loop: an idle backend connection of that loop, else a new one. */
    private void call(Channel front, FullHttpRequest request, MonoSink<FullHttpResponse> sink) {
        ArrayDeque<Channel> idle = IDLE.get();
        Channel back;
        while ((back = idle.pollLast()) != null) {
            if (back.isActive()) {
                send(back, request, sink);
                return;
            }
        }
        backend.clone(front.eventLoop()).channel(channelLike(front)).connect()
                .addListener((ChannelFutureListener) connected -> {
                    if (connected.isSuccess()) {
                        send(connected.channel(), request, sink);
                    } else {
                        request.release();
                        sink.error(connected.cause());
                    }
                });
    }

    private static void send(Channel back, FullHttpRequest request, MonoSink<FullHttpResponse> sink) {
        back.pipeline().get(Back.class).waiting = sink;
        back.writeAndFlush(request, back.voidPromise());
    }

    private static Class<? extends SocketChannel> channelLike(Channel front) {
        if (front instanceof IoUringSocketChannel) {
            return IoUringSocketChannel.class;
        }
        return front instanceof EpollSocketChannel ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** A backend connection: its answer to the one request it carries, then back to its loop's idle ones. */
    private static final class Back extends SimpleChannelInboundHandler<FullHttpResponse> {
        MonoSink<FullHttpResponse> waiting;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            MonoSink<FullHttpResponse> sink = waiting;
            waiting = null;
            if (HttpUtil.isKeepAlive(answer)) {
                IDLE.get().addLast(ctx.channel());
            } else {
                ctx.close();
            }
            if (sink != null) {
                sink.success(answer.retain());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(new IllegalStateException("the backend closed the connection"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            fail(cause);
        }

        private void fail(Throwable cause) {
            MonoSink<FullHttpResponse> sink = waiting;
            waiting = null;
            if (sink != null) {
                sink.error(cause);
            }
        }
    }
}
