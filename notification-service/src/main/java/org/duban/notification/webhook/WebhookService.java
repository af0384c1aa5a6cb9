package org.duban.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.InvalidInput.FieldProblem;
import org.duban.platform.domain.NotFound;
import org.duban.platform.domain.Role;
import org.duban.platform.idempotency.IdempotentCreations;

/** A unit's webhooks: register (secret shown once), list, remove, rotate the secret. */
public final class WebhookService {

    /**
     * How long an endpoint read for new deliveries stands for the endpoint as stored: a change reaches an attempt
     * this much later at most, as if that attempt had read the endpoint just before the change (which it always
     * may have). A change made through this instance forgets the endpoint at once (but for a read under way).
     */
    static final Duration JUST_READ = Duration.ofMillis(100);

    private final WebhookEndpoints endpoints;
    private final TargetGuard guard;
    private final Set<String> subscribableTypes;
    private final Duration secretGrace;
    private final IdempotentCreations creations;
    private final Clock clock;
    /**
     * The endpoints {@link #receiversOf} read, by id, with when: the first attempt of each delivery made from that
     * read starts a few milliseconds later and takes the endpoint from here rather than from the store (one read
     * less on a delivery's way, issue #14) — for {@link #JUST_READ} at most.
     */
    private final ConcurrentHashMap<String, Read> justRead = new ConcurrentHashMap<>();

    private record Read(WebhookEndpoint endpoint, Instant at) {
    }

    /**
     * @param subscribableTypes the event types that can reach a unit
     * @param secretGrace       how long a rotated-out secret keeps signing
     */
    public WebhookService(WebhookEndpoints endpoints, TargetGuard guard, Set<String> subscribableTypes,
            Duration secretGrace, IdempotentCreations creations, Clock clock) {
        this.endpoints = endpoints;
        this.creations = creations;
        this.guard = guard;
        this.subscribableTypes = new TreeSet<>(subscribableTypes);
        this.secretGrace = secretGrace;
        this.clock = clock;
    }

    /** The calling unit registers an endpoint; the answer carries its secret, shown this once. */
    public WebhookRegistration register(Caller caller, String url, List<String> events) {
        return register(caller, url, events, null);
    }

    /**
     * As {@link #register(Caller, String, List)}; a retry with the same {@code idempotencyKey} (and the
     * same request) answers the first registration again, its secret included — read from the endpoint,
     * which holds it anyway, so no second copy of it is stored. If that secret has been rotated out since,
     * the first answer cannot be repeated: 409.
     *
     * @param idempotencyKey null: every call registers a new endpoint
     * @throws Conflict the key was used for a different request, or the first answer's secret is gone
     */
    public WebhookRegistration register(Caller caller, String url, List<String> events, String idempotencyKey) {
        caller.require(Role.UNIT);
        List<FieldProblem> problems = new ArrayList<>();
        URI target = parse(url, problems);
        Set<String> types = new LinkedHashSet<>();
        List<String> requested = events == null ? List.of() : events;
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || !subscribableTypes.contains(type)) {
                problems.add(new FieldProblem("events[" + i + "]", "must be one of " + subscribableTypes));
            } else {
                types.add(type);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return creations.create(caller, "register-webhook", idempotencyKey,
                new Registration(target.toString(), List.copyOf(types)),
                id -> store(caller.unitId(), id, target, types, idempotencyKey),
                id -> endpoints.byId(id).map(endpoint -> firstAnswer(endpoint, idempotencyKey)));
    }

    /** Stores the endpoint; a concurrent retry under the same key that stored it first wins, and its answer is ours. */
    private WebhookRegistration store(String unitId, String id, URI target, Set<String> types, String idempotencyKey) {
        Instant now = now();
        WebhookSecret secret = WebhookSecret.generate(now);
        WebhookEndpoint endpoint = new WebhookEndpoint(id, unitId, target, types, List.of(secret),
                WebhookEndpoint.Status.ACTIVE, null, now, 0L);
        if (endpoints.insertIfAbsent(endpoint)) {
            return new WebhookRegistration(endpoint, secret.value(), null);
        }
        return endpoints.byId(id).map(stored -> firstAnswer(stored, idempotencyKey))
                .orElseThrow(() -> new Conflict("webhook " + id + " changed meanwhile; try again"));
    }

    /** The registration as first answered: the endpoint (as it is now) and the secret issued with it. */
    private static WebhookRegistration firstAnswer(WebhookEndpoint endpoint, String idempotencyKey) {
        return endpoint.secrets().stream().filter(secret -> secret.createdAt().equals(endpoint.createdAt()))
                .findFirst()
                .map(secret -> new WebhookRegistration(endpoint, secret.value(), null))
                .orElseThrow(() -> new Conflict("webhook " + endpoint.id() + " registered with Idempotency-Key "
                        + idempotencyKey + " has had its secret rotated since; the first answer cannot be repeated"));
    }

    /** What a registration asked for: an {@code Idempotency-Key}'s fingerprint. */
    private record Registration(String url, List<String> events) {
    }

    /** A unit's own endpoints; every unit's for the office. */
    public List<WebhookEndpoint> list(Caller caller) {
        caller.require(Role.UNIT, Role.SUPERVISOR, Role.LEADER);
        return endpoints.of(caller.seesAllUnits() ? null : caller.unitId());
    }

    public void delete(Caller caller, String id) {
        caller.require(Role.UNIT, Role.SUPERVISOR);
        WebhookEndpoint endpoint = visible(caller, id);
        boolean deleted = endpoints.delete(endpoint.id());
        justRead.remove(endpoint.id());
        if (!deleted) {
            throw new NotFound("webhook", id);
        }
    }

    /** The unit gets a new secret; the old one keeps signing for the grace period. */
    public WebhookRegistration rotateSecret(Caller caller, String id) {
        caller.require(Role.UNIT);
        WebhookEndpoint endpoint = endpoints.byId(id).filter(found -> caller.isUnit(found.unitId()))
                .orElseThrow(() -> new NotFound("webhook", id));
        Instant now = now();
        WebhookSecret fresh = WebhookSecret.generate(now);
        WebhookEndpoint rotated = endpoint.rotate(fresh, now, secretGrace);
        boolean stored = endpoints.storeSecrets(rotated, endpoint.version());
        justRead.remove(id);
        if (!stored) {
            throw new Conflict("webhook " + id + " changed meanwhile; try again");
        }
        return new WebhookRegistration(rotated, fresh.value(), now.plus(secretGrace));
    }

    /**
     * For an attempt: the endpoint as stored now, whoever owns it — or as {@link #receiversOf} read it for new
     * deliveries less than {@link #JUST_READ} ago.
     */
    public Optional<WebhookEndpoint> endpoint(String id) {
        Read read = justRead.get(id);
        if (read != null && read.at().plus(JUST_READ).isAfter(now())) {
            return Optional.of(read.endpoint());
        }
        return endpoints.byId(id);
    }

    /** The active endpoints of a unit that want the event type, as stored now. */
    public List<WebhookEndpoint> receiversOf(String unitId, String eventType) {
        List<WebhookEndpoint> found = endpoints.of(unitId);
        Instant now = now();
        if (justRead.size() > 1_000) {
            justRead.values().removeIf(read -> !read.at().plus(JUST_READ).isAfter(now));
        }
        found.forEach(endpoint -> justRead.put(endpoint.id(), new Read(endpoint, now)));
        return found.stream().filter(WebhookEndpoint::isActive).filter(e -> e.wants(eventType)).toList();
    }

    /** The receiver answered 410 Gone: nothing more is sent to it. */
    public void disable(String id, String reason) {
        endpoints.disable(id, reason, now());
        justRead.remove(id);
    }

    /**
     * For an attempt: resolves the URL's host now and checks every address (a name may resolve
     * differently than at registration); the attempt connects to exactly the addresses answered.
     *
     * @throws TargetRefused the URL may not be called now
     */
    public CheckedTarget target(URI url) {
        return guard.check(url);
    }

    private WebhookEndpoint visible(Caller caller, String id) {
        return endpoints.byId(id).filter(endpoint -> caller.canSee(endpoint.unitId()))
                .orElseThrow(() -> new NotFound("webhook", id));
    }

    private URI parse(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("url", "is required"));
            return null;
        }
        try {
            URI target = new URI(url.strip());
            if (!target.isAbsolute()) {
                problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
                return null;
            }
            guard.check(target);
            return target;
        } catch (TargetRefused e) {
            problems.add(new FieldProblem("url", e.getMessage()));
            return null;
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("url", "is not a valid URL"));
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
