import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Below {@link Floor}'s {@code bare}: the same forward (method, path and query, body; back the status,
 * Content-Type, Content-Length and body) on plain Netty, without Reactor Netty — each caller's connection paired with
 * one kept-alive connection to the backend on the same event loop (as nginx's workers keep theirs), whole messages
 * (aggregated), the transport Reactor Netty would pick (io_uring, else epoll, else NIO). What a JVM proxy costs here
 * with nothing of a framework's on top: the floor of the floor (issue #14, bench/gateway-floor). Variant {@code token}
 * adds what {@link Floor}'s {@code token} does — the headers both ways, X-Forwarded-*, traceparent, request id, the
 * bearer token checked as the gateway does ({@link Floor.Tokens}), an access-log line — so that the two frameworks'
 * costs can be told from the steps'. (A caller that pipelines requests is not served in order while a token is being
 * verified for the first time; wrk does not pipeline.)
 *
 * <pre>java -cp &lt;the gateway's BOOT-INF/lib/*&gt;:&lt;classes&gt; NettyFloor bare|token PORT \
 *     BACKEND_HOST BACKEND_PORT [PUBLIC_KEY_PEM ISSUER AUDIENCE]</pre>
 */
final class NettyFloor {

    private static final int MAX_BODY = 1 << 20;

    public static void main(String[] args) throws InterruptedException, IOException {
        boolean token = switch (args[0]) {
            case "bare" -> false;
            case "token" -> true;
            default -> throw new IllegalArgumentException("variant: bare or token, not " + args[0]);
        };
        int port = Integer.parseInt(args[1]);
        String backendHost = args[2];
        int backendPort = Integer.parseInt(args[3]);
        Floor.Tokens tokens = token ? new Floor.Tokens(Path.of(args[4]), args[5], args[6]) : null;
        Transport transport = Transport.best();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                transport.handlers);
        Bootstrap backend = new Bootstrap().group(loops).channel(transport.client)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000).option(ChannelOption.TCP_NODELAY, true)
                .remoteAddress(backendHost, backendPort);
        Channel server = new ServerBootstrap().group(loops).channel(transport.server)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                                new Front(backend, backendHost + ":" + backendPort, tokens));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        System.out.println("floor netty " + args[0] + " (" + transport.name + ") listening on " + port);
        server.closeFuture().sync();
    }

    /** A caller's connection: its requests forwarded in order over its own backend connection. */
    private static final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Bootstrap backend;
        private final String host;
        private final Floor.Tokens tokens;
        private final Queue<Exchange> exchanges = new ArrayDeque<>();
        private Channel back;

        Front(Bootstrap backend, String host, Floor.Tokens tokens) {
            this.backend = backend;
            this.host = host;
            this.tokens = tokens;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            Exchange exchange = new Exchange(request, tokens != null);
            exchanges.add(exchange);
            FullHttpRequest forwarded = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
                    request.uri(), request.content().retain());
            Channel front = ctx.channel();
            if (tokens != null) {
                withHeaders(request, forwarded.headers(), front, exchange);
            }
            // after the caller's headers: the aggregator gave the request a Content-Length of its own
            forwarded.headers().set(HttpHeaderNames.HOST, host);
            HttpUtil.setContentLength(forwarded, request.content().readableBytes());
            if (tokens == null) {
                send(front, forwarded);
                return;
            }
            String token = Floor.bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            if (request.uri().startsWith("/api/v1/public/")) {
                send(front, forwarded);
            } else if (token == null) {
                refuse(front, forwarded);
            } else {
                tokens.verified(token).hasElement().subscribe(valid -> onLoop(front, () -> {
                    if (valid) {
                        send(front, forwarded);
                    } else {
                        refuse(front, forwarded);
                    }
                }));
            }
        }

        private void send(Channel front, FullHttpRequest forwarded) {
            if (back != null && back.isActive()) {
                back.writeAndFlush(forwarded, back.voidPromise());
                return;
            }
            backend.clone(front.eventLoop()).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY),
                            new Back(Front.this, front));
                }
            }).connect().addListener((ChannelFutureListener) connected -> {
                if (connected.isSuccess()) {
                    back = connected.channel();
                    back.writeAndFlush(forwarded, back.voidPromise());
                } else {
                    forwarded.release();
                    answer(front, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY));
                }
            });
        }

        private void refuse(Channel front, FullHttpRequest forwarded) {
            forwarded.release();
            FullHttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.UNAUTHORIZED);
            refused.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            answer(front, refused);
        }

        /** As Floor's {@code headers}: the caller's headers but hop-by-hop ones, X-Forwarded-*, traceparent, id. */
        private static void withHeaders(FullHttpRequest request, HttpHeaders out, Channel front, Exchange exchange) {
            for (Map.Entry<CharSequence, CharSequence> header : Floor.iterable(request.headers())) {
                if (!Floor.hopByHop(header.getKey()) && !Floor.forwardedHere(header.getKey())) {
                    out.add(header.getKey(), header.getValue());
                }
            }
            String host = request.headers().get(HttpHeaderNames.HOST);
            InetSocketAddress caller = (InetSocketAddress) front.remoteAddress();
            InetSocketAddress local = (InetSocketAddress) front.localAddress();
            out.set(Floor.X_FORWARDED_FOR, caller.getAddress().getHostAddress());
            out.set(Floor.X_FORWARDED_PROTO, "http");
            if (host != null) {
                out.set(Floor.X_FORWARDED_HOST, host);
            }
            out.set(Floor.X_FORWARDED_PORT, Integer.toString(local.getPort()));
            out.set(Floor.TRACEPARENT, exchange.traceparent);
            out.set(Floor.REQUEST_ID, exchange.requestId);
        }

        private static void onLoop(Channel channel, Runnable task) {
            if (channel.eventLoop().inEventLoop()) {
                task.run();
            } else {
                channel.eventLoop().execute(task);
            }
        }

        /** The next answer, to the oldest request waiting for one. */
        void answer(Channel front, FullHttpResponse response) {
            Exchange exchange = exchanges.poll();
            boolean alive = exchange != null && exchange.keepAlive;
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, alive);
            boolean logged = exchange != null && exchange.requestId != null;
            if (logged) {
                response.headers().set(Floor.REQUEST_ID, exchange.requestId);
            }
            int status = response.status().code();
            if (alive) {
                front.writeAndFlush(response, front.voidPromise());
            } else {
                front.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
            if (logged) {
                Floor.accessLine(exchange.method.name(), exchange.path(), status, exchange.requestId,
                        exchange.traceparent, exchange.started);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (back != null) {
                back.close();
            }
        }
    }

    /** One request on its way: what its answer and its access-log line need (the ids only with the headers). */
    private static final class Exchange {
        final boolean keepAlive;
        final HttpMethod method;
        final String uri;
        final long started = System.nanoTime();
        final String requestId;
        final String traceparent;

        Exchange(FullHttpRequest request, boolean withHeaders) {
            keepAlive = HttpUtil.isKeepAlive(request);
            method = request.method();
            uri = request.uri();
            requestId = withHeaders ? Floor.requestId(request.headers().get(Floor.REQUEST_ID)) : null;
            traceparent = withHeaders ? Floor.traceparent(request.headers().get(Floor.TRACEPARENT)) : null;
        }

        String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    /** The backend connection of one caller's connection: answers go back with their headers and body. */
    private static final class Back extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Front owner;
        private final Channel front;

        Back(Front owner, Channel front) {
            this.owner = owner;
            this.front = front;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, answer.status(),
                    answer.content().retain());
            if (owner.tokens == null) {
                CharSequence type = answer.headers().get(HttpHeaderNames.CONTENT_TYPE);
                if (type != null) {
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
                }
            } else {
                for (Map.Entry<CharSequence, CharSequence> header : Floor.iterable(answer.headers())) {
                    if (!Floor.hopByHop(header.getKey())) {
                        response.headers().add(header.getKey(), header.getValue());
                    }
                }
            }
            owner.answer(front, response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            front.close();
        }
    }

    private record Transport(String name, IoHandlerFactory handlers, Class<? extends ServerChannel> server,
            Class<? extends SocketChannel> client) {
        static Transport best() {
            if (IoUring.isAvailable()) {
                return new Transport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                        IoUringSocketChannel.class);
            }
            if (Epoll.isAvailable()) {
                return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                        EpollSocketChannel.class);
            }
            return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class,
                    NioSocketChannel.class);
        }
    }
}
