package org.duban.gateway.routing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.socket.DatagramChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.ReferenceCountUtil;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;

/**
 * Kept-alive HTTP/1.1 connections to one service (its host and port) and the calls over them, on Netty itself
 * (ADR 0017, "A client of its own"): Reactor Netty's client and pool cost more per call than everything else the
 * forwarder does (bench/gateway-floor's {@code split} variant).
 *
 * <p>The pool: at most {@code maxConnections} open or opening; a call takes an idle connection of its caller's
 * event loop, else opens one there, else takes an idle one of another loop, else waits up to
 * {@code acquireTimeout} for one to come free — then it fails with {@link Saturated}, the gateway's saturation,
 * which is not the service's failure. An idle connection is closed after {@code maxIdleTime} (looked for every
 * {@code evictionInterval}), below the services' own keep-alive timeout; one the service closes while idle leaves
 * the pool at once.
 *
 * <p>A call: the request written as it is (a whole body, or the caller's body streamed as it arrives, a chunk
 * written when the previous one is), then the answer's head given to the caller's function with the answer's body
 * as a publisher that honours its subscriber's demand (the connection stops reading while its subscriber is behind).
 * The call fails with {@link ReadTimeoutException} when the service sends nothing for the route's timeout once the
 * request is sent, with {@link ClosedBeforeAnswer} when the connection closes before an answer, with the
 * connection's own failure (refused, reset) otherwise. A connection goes back to the pool when its answer has been
 * read to the end, the request was sent whole and neither side asked to close it; otherwise it is closed.
 *
 * <p>Each connection is used by one call at a time, on its own event loop; a call's state is touched only there
 * once it has its connection.
 */
final class ServiceConnections implements AutoCloseable {

    /** Answers read past this many bytes ahead of their caller stop the connection's reading. */
    private static final int READ_AHEAD = 64 * 1024;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int maxConnections;
    private final long acquireTimeoutNanos;
    private final long maxIdleNanos;
    private final long evictionNanos;
    private final int connectTimeoutMillis;
    /** Connections open or being opened. */
    private final AtomicInteger open = new AtomicInteger();
    private final Map<EventLoop, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Exchange> waiting = new ConcurrentLinkedQueue<>();
    private final Map<Class<?>, Transport> transports = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ServiceConnections(String host, int port, RoutingProperties.Pool pool, Duration connectTimeout) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
        this.maxConnections = pool.maxConnections();
        this.acquireTimeoutNanos = pool.acquireTimeout().toNanos();
        this.maxIdleNanos = pool.maxIdleTime().toNanos();
        this.evictionNanos = pool.evictionInterval().toNanos();
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    }

    /**
     * Calls the service: {@code answer} gets the answer's head and body and returns what to do with them; the result
     * completes when that completes, or fails before an answer (see the class). {@code headers} fills in the
     * request's headers once a connection is at hand (Host is set). {@code body}: a whole body (not released here;
     * a duplicate is sent), or null; {@code streamed}: the caller's body as it arrives (each chunk released once
     * written), or null.
     */
    Mono<Void> call(Channel caller, HttpMethod method, String target, Consumer<HttpHeaders> headers, ByteBuf body,
            Publisher<ByteBuf> streamed, Duration timeout,
            BiFunction<HttpResponse, Publisher<ByteBuf>, Publisher<Void>> answer) {
        return Mono.create(sink -> {
            Exchange exchange = new Exchange(caller, method, target, headers, body, streamed, timeout.toNanos(),
                    answer, sink);
            sink.onCancel(exchange::cancel);
            acquire(exchange);
        });
    }

    @Override
    public void close() {
        closed = true;
        for (ConcurrentLinkedDeque<Connection> connections : idle.values()) {
            for (Connection connection; (connection = connections.poll()) != null; ) {
                connection.channel.close();
            }
        }
        for (Exchange exchange; (exchange = waiting.poll()) != null; ) {
            if (exchange.claim()) {
                exchange.failed(new IllegalStateException("the gateway is stopping"));
            }
        }
        for (Transport transport : transports.values()) {
            if (transport.resolver != DefaultAddressResolverGroup.INSTANCE) {
                transport.resolver.close();
            }
        }
    }

    private void acquire(Exchange exchange) {
        Connection connection = idleOn(exchange.loop);
        if (connection != null) {
            give(connection, exchange);
        } else if (tryOpen()) {
            if (exchange.claim()) {
                connect(exchange);
            } else {
                open.decrementAndGet();
            }
        } else if ((connection = idleElsewhere()) != null) {
            give(connection, exchange);
        } else {
            // the wait's end before the wait: whoever takes the call from the queue finds it to cancel
            exchange.acquireTimeout = exchange.loop.schedule(() -> {
                if (exchange.claim()) {
                    waiting.remove(exchange);
                    exchange.failed(new Saturated(maxConnections, acquireTimeoutNanos));
                }
            }, acquireTimeoutNanos, TimeUnit.NANOSECONDS);
            waiting.add(exchange);
            // a connection may have come free between the looks above and the wait
            serveWaiting();
        }
    }

    private void give(Connection connection, Exchange exchange) {
        if (exchange.claim()) {
            connection.run(() -> connection.start(exchange));
        } else {
            connection.run(connection::release);
        }
    }

    /** Hands free connections, or room for new ones, to waiting calls, oldest first. */
    private void serveWaiting() {
        while (!waiting.isEmpty() && !closed) {
            Connection connection = idleElsewhere();
            if (connection == null && !tryOpen()) {
                return;
            }
            Exchange exchange = claimWaiting();
            if (exchange == null) {
                if (connection == null) {
                    open.decrementAndGet();
                } else {
                    connection.run(connection::release);
                }
                return;
            }
            exchange.acquireTimeout.cancel(false);
            if (connection == null) {
                connect(exchange);
            } else {
                Connection given = connection;
                given.run(() -> given.start(exchange));
            }
        }
    }

    private Exchange claimWaiting() {
        for (Exchange exchange; (exchange = waiting.poll()) != null; ) {
            if (exchange.claim()) {
                return exchange;
            }
        }
        return null;
    }

    private boolean tryOpen() {
        for (int now = open.get(); now < maxConnections; now = open.get()) {
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    private Connection idleOn(EventLoop loop) {
        ConcurrentLinkedDeque<Connection> connections = idle.get(loop);
        if (connections == null) {
            return null;
        }
        for (Connection connection; (connection = connections.pollLast()) != null; ) {
            if (connection.channel.isActive()) {
                return connection;
            }
        }
        return null;
    }

    private Connection idleElsewhere() {
        for (ConcurrentLinkedDeque<Connection> connections : idle.values()) {
            for (Connection connection; (connection = connections.pollLast()) != null; ) {
                if (connection.channel.isActive()) {
                    return connection;
                }
            }
        }
        return null;
    }

    private ConcurrentLinkedDeque<Connection> idleOf(EventLoop loop) {
        ConcurrentLinkedDeque<Connection> connections = idle.get(loop);
        if (connections != null) {
            return connections;
        }
        return idle.computeIfAbsent(loop, created -> {
            ConcurrentLinkedDeque<Connection> made = new ConcurrentLinkedDeque<>();
            created.scheduleWithFixedDelay(() -> evict(made), evictionNanos, evictionNanos, TimeUnit.NANOSECONDS);
            return made;
        });
    }

    private void evict(ConcurrentLinkedDeque<Connection> connections) {
        long now = System.nanoTime();
        for (Connection connection : connections) {
            if (now - connection.idleSince >= maxIdleNanos && connections.remove(connection)) {
                connection.channel.close();
            }
        }
    }

    /** Opens a connection for a call that was given room for it; on the caller's event loop. */
    private void connect(Exchange exchange) {
        Transport transport = transports.computeIfAbsent(exchange.caller.getClass(), Transport::of);
        new Bootstrap().group(exchange.loop).channelFactory(transport.channels)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .resolver(transport.resolver)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Connection(channel));
                    }
                })
                .connect(InetSocketAddress.createUnresolved(host, port))
                .addListener((ChannelFutureListener) connected -> {
                    Connection connection = connected.channel().pipeline().get(Connection.class);
                    if (connected.isSuccess() && connection != null) {
                        connection.start(exchange);
                    } else if (connected.isSuccess()) {
                        // closed as soon as it was open: its channelInactive has counted it out
                        exchange.failed(new ClosedBeforeAnswer());
                    } else {
                        open.decrementAndGet();
                        exchange.failed(connected.cause());
                        serveWaiting();
                    }
                });
    }

    /** The gateway has too many calls to the service under way: no connection came free in time. */
    static final class Saturated extends RuntimeException {

        Saturated(int connections, long waitedNanos) {
            super("all " + connections + " connections to the service were busy for "
                    + TimeUnit.NANOSECONDS.toMillis(waitedNanos) + " ms", null, false, false);
        }
    }

    /** The service's connection closed before its answer began (a kept-alive connection it had given up on). */
    static final class ClosedBeforeAnswer extends IOException {

        ClosedBeforeAnswer() {
            super("the connection was closed before an answer", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * The caller's body broke off before its end (the caller closed its connection, or it failed): the call is
     * given up, its connection closed; the caller's doing, not the service's.
     */
    static final class BodyBrokeOff extends IOException {

        BodyBrokeOff(Throwable cause) {
            super("the caller's request body broke off before its end", cause);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Connections like the caller's (io_uring, epoll or NIO: one event loop serves both) and their name lookup. */
    private record Transport(ChannelFactory<Channel> channels, AddressResolverGroup<?> resolver) {

        @SuppressWarnings("unchecked")
        static Transport of(Class<?> callerChannel) {
            ChannelFactory<Channel> channels = new ReflectiveChannelFactory<>((Class<? extends Channel>) callerChannel);
            AddressResolverGroup<?> resolver;
            try {
                // the same transport's datagram channel for DNS: IoUringSocketChannel → IoUringDatagramChannel, …
                Class<? extends DatagramChannel> datagrams = Class.forName(callerChannel.getName()
                        .replace("SocketChannel", "DatagramChannel")).asSubclass(DatagramChannel.class);
                resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder().datagramChannelType(datagrams));
            } catch (ClassNotFoundException | ClassCastException e) {
                resolver = DefaultAddressResolverGroup.INSTANCE;
            }
            return new Transport(channels, resolver);
        }
    }

    /** One call: what it sends, where its answer goes, and how far it got. */
    private final class Exchange {
        final Channel caller;
        final EventLoop loop;
        final HttpMethod method;
        final String target;
        final Consumer<HttpHeaders> headers;
        final ByteBuf body;
        final Publisher<ByteBuf> streamed;
        final long timeoutNanos;
        final BiFunction<HttpResponse, Publisher<ByteBuf>, Publisher<Void>> answer;
        final MonoSink<Void> sink;
        /** Taken by whoever gives it a connection, its wait's end or its caller's going away: exactly one. */
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean cancelled;
        volatile Connection connection;
        volatile ScheduledFuture<?> acquireTimeout;
        // the rest on the connection's event loop
        BodyWriter writer;
        AnswerBody answerBody;
        ScheduledFuture<?> readTimeout;
        long lastRead;
        boolean sent;
        boolean keepAlive = true;
        boolean informational;
        boolean ended;

        Exchange(Channel caller, HttpMethod method, String target, Consumer<HttpHeaders> headers, ByteBuf body,
                Publisher<ByteBuf> streamed, long timeoutNanos,
                BiFunction<HttpResponse, Publisher<ByteBuf>, Publisher<Void>> answer, MonoSink<Void> sink) {
            this.caller = caller;
            this.loop = caller.eventLoop();
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.body = body;
            this.streamed = streamed;
            this.timeoutNanos = timeoutNanos;
            this.answer = answer;
            this.sink = sink;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        /** The call failed before its answer; a caller that went away hears nothing (Reactor would log it dropped). */
        void failed(Throwable failure) {
            if (!cancelled) {
                sink.error(failure);
            }
        }

        /** The caller went away: a waiting call leaves the queue, one under way closes its connection. */
        void cancel() {
            cancelled = true;
            if (claim()) {
                waiting.remove(this);
                if (acquireTimeout != null) {
                    acquireTimeout.cancel(false);
                }
                return;
            }
            Connection current = connection;
            if (current != null) {
                current.run(() -> current.abandon(this));
            }
        }
    }

    /** A connection to the service: the call it carries, else idle in its event loop's pool. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        final Channel channel;
        final EventLoop loop;
        Exchange exchange;
        volatile long idleSince;

        Connection(Channel channel) {
            this.channel = channel;
            this.loop = channel.eventLoop();
        }

        void run(Runnable task) {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        }

        /** On this connection's loop: the call's request written. */
        void start(Exchange call) {
            // before looking at cancelled: a caller going away now finds the connection and closes it (abandon)
            call.connection = this;
            if (call.cancelled || !channel.isActive()) {
                call.failed(new ClosedBeforeAnswer());
                release();
                return;
            }
            exchange = call;
            HttpRequest head;
            if (call.streamed == null) {
                ByteBuf content = call.body == null ? Unpooled.EMPTY_BUFFER : call.body.retainedDuplicate();
                head = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, call.method, call.target, content);
            } else {
                head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, call.method, call.target);
            }
            head.headers().set(HttpHeaderNames.HOST, hostHeader);
            try {
                call.headers.accept(head.headers());
            } catch (RuntimeException failure) {
                ReferenceCountUtil.release(head);
                fail(call, failure);
                return;
            }
            channel.writeAndFlush(head, channel.voidPromise());
            if (call.streamed == null) {
                sent(call);
            } else {
                call.writer = new BodyWriter(this, call);
                call.streamed.subscribe(call.writer);
            }
        }

        /** The request is sent whole: from now on the service has the route's timeout between two reads. */
        void sent(Exchange call) {
            call.sent = true;
            call.lastRead = System.nanoTime();
            if (!call.ended) {
                call.readTimeout = loop.schedule(() -> checkTimeout(call), call.timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void checkTimeout(Exchange call) {
            if (exchange != call || call.ended) {
                return;
            }
            long quiet = System.nanoTime() - call.lastRead;
            if (quiet >= call.timeoutNanos) {
                fail(call, ReadTimeoutException.INSTANCE);
            } else {
                call.readTimeout = loop.schedule(() -> checkTimeout(call), call.timeoutNanos - quiet,
                        TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            Exchange call = exchange;
            if (call == null) {
                // nothing was asked: a service that speaks out of turn is not trusted with another call
                ReferenceCountUtil.release(message);
                channel.close();
                return;
            }
            call.lastRead = System.nanoTime();
            if (message instanceof HttpResponse head) {
                answerBegins(call, head);
            }
            if (message instanceof HttpContent content) {
                answerContinues(call, content);
            }
        }

        private void answerBegins(Exchange call, HttpResponse head) {
            if (head.decoderResult().isFailure()) {
                fail(call, head.decoderResult().cause());
                return;
            }
            if (head.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // 100 Continue and the like: the answer is still to come
                call.informational = true;
                return;
            }
            call.keepAlive = HttpUtil.isKeepAlive(head);
            call.answerBody = new AnswerBody(this, call);
            Publisher<Void> handled;
            try {
                handled = call.answer.apply(head, call.answerBody);
            } catch (RuntimeException failure) {
                fail(call, failure);
                return;
            }
            handled.subscribe(new Finish(this, call));
        }

        private void answerContinues(Exchange call, HttpContent content) {
            if (call.informational || call.answerBody == null) {
                content.release();
                call.informational &= !(content instanceof LastHttpContent);
                return;
            }
            if (content.decoderResult().isFailure()) {
                content.release();
                fail(call, content.decoderResult().cause());
                return;
            }
            ByteBuf bytes = content.content();
            if (bytes.isReadable()) {
                call.answerBody.push(bytes);
            } else {
                bytes.release();
            }
            if (content instanceof LastHttpContent) {
                ended(call);
                call.answerBody.end(null);
            }
        }

        /** The answer is read to the end: the connection goes back to the pool, or is closed. */
        private void ended(Exchange call) {
            letGo(call, call.keepAlive && call.sent);
        }

        /**
         * Whether the call was still under way on this connection: now it is not, and the connection is back in the
         * pool ({@code reuse}) or closed (the body it was sending no longer asked for).
         */
        private boolean letGo(Exchange call, boolean reuse) {
            if (exchange != call || call.ended) {
                return false;
            }
            call.ended = true;
            exchange = null;
            if (call.readTimeout != null) {
                call.readTimeout.cancel(false);
            }
            if (reuse) {
                release();
            } else {
                if (call.writer != null) {
                    call.writer.stop();
                }
                channel.close();
            }
            return true;
        }

        /** Idle: back in its loop's pool, reading (to notice the service closing it), or to a waiting call. */
        void release() {
            if (!channel.isActive() || closed) {
                channel.close();
                return;
            }
            channel.config().setAutoRead(true);
            idleSince = System.nanoTime();
            idleOf(loop).addLast(this);
            if (!waiting.isEmpty()) {
                serveWaiting();
            }
        }

        /**
         * The call's caller went away, or what it made of the answer ended: what is kept of the answer is dropped, and
         * a connection whose answer was not read to the end cannot be used again.
         */
        void abandon(Exchange call) {
            if (call.answerBody != null) {
                call.answerBody.discard();
            }
            letGo(call, false);
        }

        /** The call fails: before its answer the caller hears of it, after it the answer's body breaks off. */
        void fail(Exchange call, Throwable failure) {
            if (!letGo(call, false)) {
                return;
            }
            if (call.answerBody == null) {
                call.failed(failure);
            } else {
                call.answerBody.end(failure);
            }
        }

        void readAhead(boolean stop) {
            channel.config().setAutoRead(!stop);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Exchange call = exchange;
            if (call != null) {
                fail(call, new ClosedBeforeAnswer());
            }
            ConcurrentLinkedDeque<Connection> connections = idle.get(loop);
            if (connections != null) {
                connections.remove(this);
            }
            open.decrementAndGet();
            serveWaiting();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange call = exchange;
            if (call != null) {
                fail(call, cause);
            } else {
                channel.close();
            }
        }
    }

    /** The caller's body onto the connection: a chunk asked for when the previous one is written. */
    private static final class BodyWriter implements Subscriber<ByteBuf> {
        private final Connection connection;
        private final Exchange call;
        private volatile Subscription subscription;
        private volatile boolean stopped;

        BodyWriter(Connection connection, Exchange call) {
            this.connection = connection;
            this.call = call;
        }

        @Override
        public void onSubscribe(Subscription given) {
            subscription = given;
            if (stopped) {
                given.cancel();
            } else {
                given.request(1);
            }
        }

        @Override
        public void onNext(ByteBuf chunk) {
            connection.run(() -> {
                if (stopped || connection.exchange != call) {
                    chunk.release();
                    return;
                }
                connection.channel.writeAndFlush(new DefaultHttpContent(chunk)).addListener(written -> {
                    if (written.isSuccess() && !stopped) {
                        subscription.request(1);
                    }
                });
            });
        }

        @Override
        public void onError(Throwable failure) {
            connection.run(() -> connection.fail(call, new BodyBrokeOff(failure)));
        }

        @Override
        public void onComplete() {
            connection.run(() -> {
                if (stopped || connection.exchange != call) {
                    // the call ended before its body was sent whole (an early answer, a failure): no longer wanted
                    return;
                }
                connection.channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, connection.channel.voidPromise());
                connection.sent(call);
            });
        }

        void stop() {
            stopped = true;
            Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /**
     * The answer's body for the caller's subscriber, as the connection reads it: handed on as far as the subscriber
     * asked, the rest kept — and past {@link #READ_AHEAD} bytes kept the connection stops reading until it is asked.
     */
    private static final class AnswerBody implements Publisher<ByteBuf>, Subscription {
        private final Connection connection;
        private final Exchange call;
        private final ArrayDeque<ByteBuf> kept = new ArrayDeque<>(2);
        private Subscriber<? super ByteBuf> subscriber;
        private long demand;
        private int keptBytes;
        private boolean ended;
        private Throwable failure;
        private boolean done;
        private boolean draining;
        private boolean stopped;

        AnswerBody(Connection connection, Exchange call) {
            this.connection = connection;
            this.call = call;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuf> given) {
            connection.run(() -> {
                if (subscriber != null) {
                    Operators.error(given, new IllegalStateException("an answer's body is read once"));
                    return;
                }
                subscriber = given;
                given.onSubscribe(this);
                drain();
            });
        }

        @Override
        public void request(long n) {
            connection.run(() -> {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            connection.run(() -> connection.abandon(call));
        }

        /** Nothing more is handed on; what is kept is released (its subscriber may never have come). */
        void discard() {
            done = true;
            for (ByteBuf bytes; (bytes = kept.poll()) != null; ) {
                bytes.release();
            }
            keptBytes = 0;
        }

        void push(ByteBuf bytes) {
            if (done) {
                bytes.release();
                return;
            }
            kept.add(bytes);
            keptBytes += bytes.readableBytes();
            drain();
            if (keptBytes > READ_AHEAD && !stopped && connection.exchange == call) {
                stopped = true;
                connection.readAhead(true);
            }
        }

        void end(Throwable failed) {
            ended = true;
            failure = failed;
            drain();
        }

        private void drain() {
            if (draining || subscriber == null) {
                return;
            }
            draining = true;
            try {
                while (!done && demand > 0 && !kept.isEmpty()) {
                    ByteBuf next = kept.poll();
                    keptBytes -= next.readableBytes();
                    demand--;
                    subscriber.onNext(next);
                }
                if (!done && kept.isEmpty() && ended) {
                    done = true;
                    if (failure == null) {
                        subscriber.onComplete();
                    } else {
                        subscriber.onError(failure);
                    }
                }
                if (stopped && keptBytes <= READ_AHEAD / 2 && connection.exchange == call) {
                    stopped = false;
                    connection.readAhead(false);
                }
            } finally {
                draining = false;
            }
        }
    }

    /**
     * The end of what the caller's function made of the answer is the end of the call: the connection let go of it
     * (Reactor Netty may end a send to a caller who left without ever reading the answer's body), then the caller
     * told.
     */
    private record Finish(Connection connection, Exchange call) implements Subscriber<Void> {

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Void nothing) {
        }

        @Override
        public void onError(Throwable failure) {
            connection.run(() -> {
                connection.abandon(call);
                call.failed(failure);
            });
        }

        @Override
        public void onComplete() {
            connection.run(() -> {
                connection.abandon(call);
                call.sink.success();
            });
        }
    }
}
