package org.duban.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.duban.notification.webhook.TargetRefused.Reason;

/**
 * Keeps webhooks from reaching into the office's own network (SSRF). A target must be an {@code https}
 * URL ({@code http} too where allowed: the local profile) without credentials; its host is resolved
 * <em>once</em> and <em>every</em> address it has must pass the {@link AddressPolicy}. The answer is the
 * {@link CheckedTarget}: the addresses an attempt then connects to, without a second lookup. Checked at
 * registration and again at every attempt, since a name may resolve differently later.
 */
public final class TargetGuard {

    /**
     * @param allowHttp     plain {@code http} targets (the local profile); otherwise {@code https} only
     * @param allowLoopback targets on 127.0.0.0/8 and ::1 (the local profile)
     * @param allowPrivate  targets on private, unique-local and link-local networks
     */
    public record Settings(boolean allowHttp, boolean allowLoopback, boolean allowPrivate) {
    }

    private final boolean allowHttp;
    private final AddressPolicy addresses;
    private final HostResolver resolver;

    public TargetGuard(Settings settings, HostResolver resolver) {
        this.allowHttp = settings.allowHttp();
        this.addresses = new AddressPolicy(settings.allowLoopback(), settings.allowPrivate());
        this.resolver = resolver;
    }

    /**
     * Resolves the URL's host once and checks every address.
     *
     * @throws TargetRefused the URL may not be called; nothing was sent
     */
    public CheckedTarget check(URI url) {
        String host = host(url);
        List<InetAddress> resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new TargetRefused(Reason.HOST_NOT_FOUND, "names a host that does not resolve");
        }
        if (resolved == null || resolved.isEmpty()) {
            throw new TargetRefused(Reason.HOST_NOT_FOUND, "names a host that does not resolve");
        }
        for (InetAddress address : resolved) {
            Optional<String> refused = addresses.refusal(address);
            if (refused.isPresent()) {
                throw new TargetRefused(Reason.ADDRESS_NOT_ALLOWED, refused.get());
            }
        }
        return new CheckedTarget(url, host, resolved);
    }

    /** The host to look up, once the URL's form is allowed. */
    private String host(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new TargetRefused(Reason.URL_NOT_ALLOWED, allowHttp ? "must be an absolute http or https URL"
                    : "must be an absolute https URL (plain http only in the local profile)");
        }
        if (url.getRawUserInfo() != null) {
            throw new TargetRefused(Reason.URL_NOT_ALLOWED, "must not carry credentials");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            // also what java.net.URI makes of an authority it cannot read as host and port
            throw new TargetRefused(Reason.URL_NOT_ALLOWED, "must name a host");
        }
        return CheckedTarget.normalised(host);
    }
}
