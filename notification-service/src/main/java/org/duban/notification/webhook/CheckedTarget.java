package org.duban.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A webhook URL whose host was resolved once and every one of whose addresses the {@link TargetGuard}
 * allowed. An attempt connects to these addresses and to no other: it never looks the name up again,
 * so a name that answers differently a moment later (DNS rebinding) cannot lead it elsewhere.
 *
 * @param host      the URL's host as written (without the brackets of an IPv6 literal), which TLS verifies
 *                  the receiver's certificate against and sends as SNI
 * @param addresses the checked addresses, in the resolver's order
 */
public record CheckedTarget(URI url, String host, List<InetAddress> addresses) {

    public CheckedTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a checked target has at least one address");
        }
    }

    /** Whether {@code name} (as an HTTP client spells a host, with or without IPv6 brackets) is this target's host. */
    public boolean isNamed(String name) {
        return name != null && normalised(name).equals(normalised(host));
    }

    static String normalised(String name) {
        String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        return bare.toLowerCase(Locale.ROOT);
    }
}
