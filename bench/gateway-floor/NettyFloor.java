import java.util.ArrayDeque;
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
 * with nothing of a framework's on top: the floor of the floor (issue #14, bench/gateway-floor).
 *
 * <pre>java -cp &lt;the gateway's BOOT-INF/lib/*&gt;:&lt;classes&gt; NettyFloor PORT BACKEND_HOST BACKEND_PORT</pre>
 */
final class NettyFloor {

    private static final int MAX_BODY = 1 << 20;

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        String backendHost = args[1];
        int backendPort = Integer.parseInt(args[2]);
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
                                new Front(backend, backendHost + ":" + backendPort));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        System.out.println("floor netty (" + transport.name + ") listening on " + port);
        server.closeFuture().sync();
    }

    /** A caller's connection: its requests forwarded in order over its own backend connection. */
    private static final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Bootstrap backend;
        private final String host;
        private final Queue<Boolean> keepAlive = new ArrayDeque<>();
        private Channel back;

        Front(Bootstrap backend, String host) {
            this.backend = backend;
            this.host = host;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpRequest forwarded = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
                    request.uri(), request.content().retain());
            forwarded.headers().set(HttpHeaderNames.HOST, host);
            HttpUtil.setContentLength(forwarded, request.content().readableBytes());
            keepAlive.add(HttpUtil.isKeepAlive(request));
            if (back != null && back.isActive()) {
                back.writeAndFlush(forwarded);
                return;
            }
            Channel front = ctx.channel();
            backend.clone(front.eventLoop()).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY),
                            new Back(Front.this, front));
                }
            }).connect().addListener((ChannelFutureListener) connected -> {
                if (connected.isSuccess()) {
                    back = connected.channel();
                    back.writeAndFlush(forwarded);
                } else {
                    forwarded.release();
                    answer(front, new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY));
                }
            });
        }

        void answer(Channel front, FullHttpResponse response) {
            boolean alive = Boolean.TRUE.equals(keepAlive.poll());
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, alive);
            if (alive) {
                front.writeAndFlush(response, front.voidPromise());
            } else {
                front.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (back != null) {
                back.close();
            }
        }
    }

    /** The backend connection of one caller's connection: answers go back with their status, type and body. */
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
            CharSequence type = answer.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (type != null) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
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
            Class<? extends io.netty.channel.socket.SocketChannel> client) {
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
