package org.duban.platform.tracing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.MongoCommandException;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A span for every command the MongoDB driver sends within a trace (a child of whatever span is current on the
 * calling thread: a request's, a delivery attempt's, the trace a consumer works in), so that a trace shows each
 * command where it happened and how long the store took: the time a trace otherwise leaves blank between a
 * service's own spans. Named as OpenTelemetry's database conventions name a client call: {@code <command> <collection>}
 * ({@code insert assignments}), kind {@code CLIENT}, tagged {@code db.system.name}, {@code db.namespace},
 * {@code db.collection.name}, {@code db.operation.name}; a failed command ends its span with the kind of error.
 * Nothing of what the command carries (filters, documents: petitioners' data) goes into a span, nor the server's
 * error message, which may quote it.
 *
 * <p>Outside a trace (a relay round, a sweep, a health check), or in a trace that is not sampled, a command makes
 * no span. The sync driver calls a listener on the thread that sent the command, so the current span is the
 * caller's; answers are matched to their command by the driver's request id.
 */
public final class StoreCommandSpans implements CommandListener {

    private final Tracer tracer;
    private final Map<Integer, Span> open = new ConcurrentHashMap<>();

    public StoreCommandSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        Span current = tracer.currentSpan();
        if (current == null || !Boolean.TRUE.equals(current.context().sampled())) {
            return;
        }
        String collection = collectionOf(event.getCommandName(), event.getCommand());
        Span.Builder span = tracer.spanBuilder().setParent(current.context())
                .name(collection == null ? event.getCommandName() : event.getCommandName() + " " + collection)
                .kind(Span.Kind.CLIENT)
                .remoteServiceName("mongodb")
                .tag("db.system.name", "mongodb")
                .tag("db.namespace", event.getDatabaseName())
                .tag("db.operation.name", event.getCommandName());
        if (collection != null) {
            span.tag("db.collection.name", collection);
        }
        open.put(event.getRequestId(), span.start());
    }

    /** The collection a command names: its own value ({@code find: "cases"}), or a getMore's {@code collection}. */
    private static String collectionOf(String command, BsonDocument body) {
        BsonValue target = body.get("getMore".equals(command) ? "collection" : command);
        return target != null && target.isString() ? target.asString().getValue() : null;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Span span = open.remove(event.getRequestId());
        if (span != null) {
            span.end();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        Span span = open.remove(event.getRequestId());
        if (span != null) {
            span.error(new CommandFailed(event)).end();
        }
    }

    /**
     * What a span records of a failure: the command and the kind of error (the server's error code name, or the
     * exception's class), not the server's message, which may quote a document (a duplicate key's value).
     */
    static final class CommandFailed extends RuntimeException {

        CommandFailed(CommandFailedEvent event) {
            super(event.getCommandName() + " failed: " + (event.getThrowable() instanceof MongoCommandException refused
                    ? refused.getErrorCodeName() : event.getThrowable().getClass().getSimpleName()),
                    null, false, false);
        }
    }
}
