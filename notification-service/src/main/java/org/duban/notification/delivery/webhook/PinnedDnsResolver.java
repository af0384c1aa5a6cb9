package org.duban.notification.delivery.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.duban.notification.webhook.CheckedTarget;

/**
 * The only resolver the client of one attempt has: it answers the checked target's host with the
 * addresses the guard checked — the same objects, not a new lookup — and refuses every other name. So
 * the client connects to what was checked or to nothing; a DNS server that answers a public address
 * to the check and an internal one a moment later (rebinding) is never asked the second time.
 */
final class PinnedDnsResolver implements DnsResolver {

    private final CheckedTarget target;

    PinnedDnsResolver(CheckedTarget target) {
        this.target = target;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!target.isNamed(host)) {
            throw new UnknownHostException("not the checked host of this attempt");
        }
        return target.addresses().toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        if (!target.isNamed(host)) {
            throw new UnknownHostException("not the checked host of this attempt");
        }
        return host;
    }
}
