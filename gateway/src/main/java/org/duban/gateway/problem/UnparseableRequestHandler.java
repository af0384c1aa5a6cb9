package org.duban.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.duban.gateway.requestid.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits in each connection's Netty pipeline right behind the HTTP decoder and answers, as problem documents,
 * the requests that would never reach Spring: those Netty could not decode (a malformed request line, a
 * request line or headers over Netty's limits) and those whose target is no URI (a raw backslash or space, a
 * bad {@code %} escape), which Spring's Reactor adapter would answer with an empty 400. The connection is
 * closed after the answer; anything else the client sends on it is dropped. One instance per connection.
 */
final class UnparseableRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger access = LoggerFactory.getLogger("org.duban.access");
    private static final int LOGGED_TARGET_LENGTH = 200;

    private final JsonMapper json;
    private boolean refused;

    UnparseableRequestHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (refused) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpRequest request && !takenBySpring(request)) {
            // the request id is made only for a refused request: RequestIdFilter makes the others'
            String requestId = RequestIdFilter.keepOrMake(request.headers().get(RequestIdFilter.HEADER));
            ProblemDetail problem = problemWith(request, requestId);
            if (problem != null) {
                refused = true;
                ReferenceCountUtil.release(message);
                answer(context, request, problem, requestId);
                return;
            }
        }
        context.fireChannelRead(message);
    }

    /** Whether the request was decoded and its target is a URI: Spring can take it from here. */
    private static boolean takenBySpring(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return false;
        }
        try {
            new URI(request.uri());
            return true;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** What is wrong with the request, or null when Spring can take it from here. */
    private static ProblemDetail problemWith(HttpRequest request, String requestId) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            if (decoded.cause() instanceof TooLongHttpLineException) {
                return Problems.of(HttpStatus.URI_TOO_LONG,
                        "The request line is longer than the gateway accepts.", requestId);
            }
            if (decoded.cause() instanceof TooLongHttpHeaderException) {
                return Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "The request's headers are larger than the gateway accepts.", requestId);
            }
            return Problems.invalid(List.of(new FieldProblem("request", "must be well-formed HTTP/1.1")), requestId);
        }
        String target = request.uri();
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException malformed) {
            int query = target.indexOf('?');
            String field = query >= 0 && malformed.getIndex() > query ? "query" : "path";
            return Problems.invalid(List.of(new FieldProblem(field,
                    "must be a well-formed URI: no backslash, space or malformed %-escape")), requestId);
        }
    }

    private void answer(ChannelHandlerContext context, HttpRequest request, ProblemDetail problem, String requestId) {
        byte[] body = json.writeValueAsBytes(Problems.members(problem));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(RequestIdFilter.HEADER, requestId);
        log(request, problem.getStatus(), requestId);
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The access log line the request would otherwise never get, with the target made printable. */
    private static void log(HttpRequest request, int status, String requestId) {
        String line = request.decoderResult().isFailure() ? "(undecodable request line)" : request.method() + " "
                + request.uri().codePoints()
                        .limit(LOGGED_TARGET_LENGTH)
                        .map(c -> c > ' ' && c < 0x7f ? c : '?')
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        MDC.put("requestId", requestId);
        try {
            access.info("{} -> {} (refused before routing)", line, status);
        } finally {
            MDC.remove("requestId");
        }
    }
}
