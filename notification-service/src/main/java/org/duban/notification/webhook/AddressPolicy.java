package org.duban.notification.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may reach (SSRF). A unit's receiver must be somewhere on the public internet,
 * so every address an office network or the host itself answers on is refused: loopback; private and
 * link-local networks (RFC 1918, 100.64.0.0/10 carrier-grade NAT, 169.254.0.0/16 with the clouds'
 * metadata service, IPv6 unique-local, link-local and site-local) unless the office allows them; and,
 * always, the special-purpose blocks of the IANA registries that are no one's public receiver:
 * 0.0.0.0/8, 192.0.0.0/24, the documentation networks, 192.88.99.0/24, 198.18.0.0/15, multicast and
 * 240.0.0.0/4 (with the broadcast address); in IPv6 the unspecified address, IPv4-compatible addresses
 * (::/96), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), discard-only, Teredo and the other IETF protocol
 * assignments (2001::/23), documentation, 6to4 (2002::/16), multicast and anything outside global
 * unicast (2000::/3). NAT64, 6to4, Teredo and IPv4-compatible addresses are refused outright rather than
 * judged by the IPv4 address inside them: a gateway would carry them to that address, and no receiver
 * needs them. An IPv4-mapped address (::ffff:0:0/96) is the IPv4 address inside it and judged as that.
 */
public final class AddressPolicy {

    /** How an address is treated. */
    enum Kind {
        /** 127.0.0.0/8, ::1: allowed only where loopback is (the local profile). */
        LOOPBACK,
        /** Private and link-local networks: allowed only where the office allows them. */
        PRIVATE,
        /** Never allowed. */
        RESERVED
    }

    /** Most specific first: the first range that holds the address decides. */
    private static final List<Range> IPV4 = List.of(
            Range.of("127.0.0.0/8", "loopback", Kind.LOOPBACK),
            Range.of("0.0.0.0/8", "this network 0.0.0.0/8", Kind.RESERVED),
            Range.of("10.0.0.0/8", "private 10.0.0.0/8", Kind.PRIVATE),
            Range.of("100.64.0.0/10", "carrier-grade NAT 100.64.0.0/10", Kind.PRIVATE),
            Range.of("169.254.0.0/16", "link-local 169.254.0.0/16", Kind.PRIVATE),
            Range.of("172.16.0.0/12", "private 172.16.0.0/12", Kind.PRIVATE),
            Range.of("192.0.0.0/24", "IETF protocol assignments 192.0.0.0/24", Kind.RESERVED),
            Range.of("192.0.2.0/24", "documentation 192.0.2.0/24", Kind.RESERVED),
            Range.of("192.88.99.0/24", "6to4 relay anycast 192.88.99.0/24", Kind.RESERVED),
            Range.of("192.168.0.0/16", "private 192.168.0.0/16", Kind.PRIVATE),
            Range.of("198.18.0.0/15", "benchmarking 198.18.0.0/15", Kind.RESERVED),
            Range.of("198.51.100.0/24", "documentation 198.51.100.0/24", Kind.RESERVED),
            Range.of("203.0.113.0/24", "documentation 203.0.113.0/24", Kind.RESERVED),
            Range.of("224.0.0.0/4", "multicast 224.0.0.0/4", Kind.RESERVED),
            Range.of("240.0.0.0/4", "reserved 240.0.0.0/4 (with broadcast)", Kind.RESERVED));

    private static final List<Range> IPV6 = List.of(
            Range.of("::1/128", "loopback", Kind.LOOPBACK),
            Range.of("::/128", "unspecified ::", Kind.RESERVED),
            Range.of("::/96", "IPv4-compatible ::/96", Kind.RESERVED),
            Range.of("64:ff9b::/96", "NAT64 64:ff9b::/96", Kind.RESERVED),
            Range.of("64:ff9b:1::/48", "local-use NAT64 64:ff9b:1::/48", Kind.RESERVED),
            Range.of("100::/64", "discard-only 100::/64", Kind.RESERVED),
            Range.of("2001::/32", "Teredo 2001::/32", Kind.RESERVED),
            Range.of("2001::/23", "IETF protocol assignments 2001::/23", Kind.RESERVED),
            Range.of("2001:db8::/32", "documentation 2001:db8::/32", Kind.RESERVED),
            Range.of("2002::/16", "6to4 2002::/16", Kind.RESERVED),
            Range.of("3fff::/20", "documentation 3fff::/20", Kind.RESERVED),
            Range.of("fc00::/7", "unique-local fc00::/7", Kind.PRIVATE),
            Range.of("fe80::/10", "link-local fe80::/10", Kind.PRIVATE),
            Range.of("fec0::/10", "site-local fec0::/10", Kind.PRIVATE),
            Range.of("ff00::/8", "multicast ff00::/8", Kind.RESERVED));

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressPolicy(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Why a webhook may not connect to {@code address}, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (isIpv4Mapped(bytes)) {
            // Java turns most of them into Inet4Address itself; one made from raw bytes may stay IPv6
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        Range range = bytes.length == 4 ? first(IPV4, bytes) : first(IPV6, bytes);
        if (range == null && bytes.length == 16 && !isGlobalUnicast(bytes)) {
            return Optional.of("resolves to an address outside IPv6 global unicast, which is never allowed");
        }
        if (range == null) {
            return Optional.empty();
        }
        return switch (range.kind) {
            case LOOPBACK -> allowLoopback ? Optional.empty()
                    : Optional.of("resolves to a loopback address, which is not allowed");
            case PRIVATE -> allowPrivate ? Optional.empty()
                    : Optional.of("resolves to a private or link-local address (" + range.name + "), which is not allowed");
            case RESERVED -> Optional.of("resolves to a reserved address (" + range.name + "), which is never allowed");
        };
    }

    /** ::ffff:0:0/96 */
    private static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** 2000::/3, the only IPv6 block handed out for the public internet. */
    private static boolean isGlobalUnicast(byte[] bytes) {
        return (bytes[0] & 0xe0) == 0x20;
    }

    private static Range first(List<Range> ranges, byte[] address) {
        return ranges.stream().filter(range -> range.holds(address)).findFirst().orElse(null);
    }

    /** A CIDR block. */
    private record Range(byte[] prefix, int bits, String name, Kind kind) {

        static Range of(String cidr, String name, Kind kind) {
            int slash = cidr.indexOf('/');
            try {
                // a literal: parsed, never looked up
                InetAddress network = InetAddress.getByName(cidr.substring(0, slash));
                byte[] prefix = network.getAddress();
                if (network instanceof Inet4Address && cidr.contains(":")) {
                    throw new IllegalArgumentException(cidr + " is turned into IPv4 by Java; give the range as IPv4");
                }
                return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), name, kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean holds(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
