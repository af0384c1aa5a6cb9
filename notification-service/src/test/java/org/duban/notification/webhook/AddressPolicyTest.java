package org.duban.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses a webhook may reach: a table of addresses, refused (and why) or allowed. */
class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(false, false);

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                     | loopback
            127.255.255.254               | loopback
            ::1                           | loopback
            0.0.0.0                       | this network 0.0.0.0/8
            0.1.2.3                       | this network 0.0.0.0/8
            10.0.0.1                      | private 10.0.0.0/8
            10.255.255.255                | private 10.0.0.0/8
            172.16.0.1                    | private 172.16.0.0/12
            172.31.255.255                | private 172.16.0.0/12
            192.168.1.1                   | private 192.168.0.0/16
            100.64.0.1                    | carrier-grade NAT 100.64.0.0/10
            100.127.255.254               | carrier-grade NAT 100.64.0.0/10
            169.254.169.254               | link-local 169.254.0.0/16
            192.0.0.8                     | IETF protocol assignments 192.0.0.0/24
            192.0.0.170                   | IETF protocol assignments 192.0.0.0/24
            192.0.2.1                     | documentation 192.0.2.0/24
            198.51.100.7                  | documentation 198.51.100.0/24
            203.0.113.7                   | documentation 203.0.113.0/24
            192.88.99.1                   | 6to4 relay anycast 192.88.99.0/24
            198.18.0.1                    | benchmarking 198.18.0.0/15
            198.19.255.254                | benchmarking 198.18.0.0/15
            224.0.0.1                     | multicast 224.0.0.0/4
            239.255.255.250               | multicast 224.0.0.0/4
            240.0.0.1                     | reserved 240.0.0.0/4
            255.255.255.255               | reserved 240.0.0.0/4 (with broadcast)
            ::                            | unspecified ::
            ::7f00:1                      | IPv4-compatible ::/96
            ::808:808                     | IPv4-compatible ::/96
            ::ffff:127.0.0.1              | loopback
            ::ffff:10.1.2.3               | private 10.0.0.0/8
            ::ffff:169.254.169.254        | link-local 169.254.0.0/16
            64:ff9b::7f00:1               | NAT64 64:ff9b::/96
            64:ff9b::808:808              | NAT64 64:ff9b::/96
            64:ff9b::a9fe:a9fe            | NAT64 64:ff9b::/96
            64:ff9b:1::a00:1              | local-use NAT64 64:ff9b:1::/48
            100::1                        | discard-only 100::/64
            2001::1                       | Teredo 2001::/32
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo 2001::/32
            2001:2::1                     | IETF protocol assignments 2001::/23
            2001:1ff::1                   | IETF protocol assignments 2001::/23
            2001:db8::1                   | documentation 2001:db8::/32
            2002:7f00:1::1                | 6to4 2002::/16
            2002:808:808::1               | 6to4 2002::/16
            3fff::1                       | documentation 3fff::/20
            fc00::1                       | unique-local fc00::/7
            fd12:3456:789a::1             | unique-local fc00::/7
            fe80::1                       | link-local fe80::/10
            fec0::1                       | site-local fec0::/10
            ff02::1                       | multicast ff00::/8
            5f00::1                       | outside IPv6 global unicast
            4000::1                       | outside IPv6 global unicast
            """)
    void refusesEveryAddressThatIsNotOnThePublicInternet(String literal, String why) {
        // when
        var refusal = strict.refusal(address(literal));

        // then
        assertThat(refusal).as(literal).get().asString().contains(why);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0", "172.15.255.255",
        "172.32.0.0", "192.0.1.1", "192.167.255.255", "198.17.255.255", "198.20.0.0", "223.255.255.255",
        "::ffff:8.8.8.8", "2606:4700:4700::1111", "2001:4860:4860::8888", "2001:200::1", "2003::1", "2a00:1450::1"})
    void allowsPublicAddressesRightNextToTheRefusedRanges(String literal) {
        // when / then
        assertThat(strict.refusal(address(literal))).as(literal).isEmpty();
    }

    @Test
    void judgesAnIpv4MappedAddressThatStayedIpv6ByTheIpv4AddressInside() throws UnknownHostException {
        // given: made from raw bytes, Java keeps it IPv6 (a lookup would have turned it into IPv4)
        InetAddress mappedPrivate = Inet6Address.getByAddress(null, mapped(10, 1, 2, 3), -1);
        InetAddress mappedPublic = Inet6Address.getByAddress(null, mapped(8, 8, 8, 8), -1);

        // then
        assertThat(mappedPrivate).isInstanceOf(Inet6Address.class);
        assertThat(strict.refusal(mappedPrivate)).get().asString().contains("private 10.0.0.0/8");
        assertThat(strict.refusal(mappedPublic)).isEmpty();
    }

    @Test
    void letsLoopbackThroughOnlyWhereLoopbackIsAllowed() {
        // given
        AddressPolicy local = new AddressPolicy(true, false);

        // then
        assertThat(local.refusal(address("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(address("::1"))).isEmpty();
        assertThat(local.refusal(address("10.0.0.1"))).isPresent();
        assertThat(local.refusal(address("0.0.0.0"))).isPresent();
        assertThat(local.refusal(address("::7f00:1"))).as("IPv4-compatible loopback").isPresent();
        assertThat(local.refusal(address("64:ff9b::7f00:1"))).as("NAT64 of loopback").isPresent();
        assertThat(local.refusal(address("2002:7f00:1::1"))).as("6to4 of loopback").isPresent();
    }

    @Test
    void letsPrivateAndLinkLocalThroughWhereTheOfficeAllowsThemButNeverTheReservedRanges() {
        // given
        AddressPolicy intranet = new AddressPolicy(false, true);

        // then
        for (String allowed : new String[] {"10.0.0.1", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.1.1",
            "fd00::1", "fe80::1"}) {
            assertThat(intranet.refusal(address(allowed))).as(allowed).isEmpty();
        }
        for (String refused : new String[] {"127.0.0.1", "0.0.0.0", "198.18.0.1", "240.0.0.1", "64:ff9b::a00:1",
            "2002:a00:1::1", "::a00:1"}) {
            assertThat(intranet.refusal(address(refused))).as(refused).isPresent();
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static byte[] mapped(int a, int b, int c, int d) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return bytes;
    }
}
