package org.duban.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps webhooks from reaching into the office's own network (SSRF): a target whose host resolves to
 * a loopback, private (RFC 1918, IPv6 unique-local), link-local (cloud metadata), wildcard or multicast
 * address is refused unless the configuration allows it. Checked at registration and again before
 * every attempt, since a name may resolve differently later.
 */
public final class TargetGuard {

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public TargetGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (url.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("resolves to a loopback address, which is not allowed");
        }
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("resolves to a wildcard or multicast address");
        }
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || uniqueLocal || isSharedOrCgnat(address)) {
            return allowPrivate ? Optional.empty()
                    : Optional.of("resolves to a private or link-local address, which is not allowed");
        }
        return Optional.empty();
    }

    /** 100.64.0.0/10 (carrier-grade NAT), private in practice. */
    private static boolean isSharedOrCgnat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
