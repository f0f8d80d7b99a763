package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every address here is a literal: nothing is resolved and nothing is connected to. */
class AddressPolicyTests {

    final AddressPolicy noAllowList = AddressPolicy.allowing(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3", // this network, unspecified
                "10.0.0.1",
                "10.255.255.255", // private
                "100.64.0.1",
                "100.127.255.254", // shared (CGNAT)
                "127.0.0.1",
                "127.0.0.2",
                "127.255.255.255", // loopback
                "169.254.0.1",
                "169.254.169.254",
                "169.254.170.2", // link-local, metadata
                "172.16.0.1",
                "172.31.255.255", // private
                "192.0.0.1",
                "192.0.0.192", // IETF protocol assignments, Oracle metadata
                "192.0.2.1",
                "198.51.100.7",
                "203.0.113.9", // documentation
                "192.88.99.1", // 6to4 relay anycast
                "192.168.0.1",
                "192.168.255.255", // private
                "198.18.0.1",
                "198.19.255.255", // benchmarking
                "224.0.0.1",
                "239.255.255.250", // multicast
                "240.0.0.1",
                "255.255.255.254",
                "255.255.255.255", // reserved, broadcast
                "100.100.100.200",
                "168.63.129.16" // Alibaba and Azure metadata
            })
    void blocksIpv4AddressesThatAreNotPublic(String address) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(address))).isTrue();
        assertThat(noAllowList.permits(address, 80, InetAddress.getByName(address)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                // The neighbours of blocked ranges
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255"
            })
    void permitsPublicIpv4Addresses(String address) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(address))).isFalse();
        assertThat(noAllowList.permits(address, 443, InetAddress.getByName(address)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::",
                "::1", // unspecified, loopback
                "fc00::1",
                "fd12:3456:789a::1",
                "fd00:ec2::254", // unique local, AWS metadata
                "fe80::1",
                "febf:ffff::1", // link-local
                "fec0::1", // site-local
                "ff02::1",
                "ff05::1:3",
                "ff0e::101", // multicast
                "2001:db8::1",
                "2001:db8:ffff::1",
                "3fff::1", // documentation
                "100::1",
                "2001:2::1",
                "2001:10::1",
                "64:ff9b:1::a", // discard, benchmarking, ORCHID, local NAT64
                "::1:2:3:4" // reserved
            })
    void blocksIpv6AddressesThatAreNotPublic(String address) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2606:4700::1", "2001:4860:4860::8888", "2a00:1450:4001:81c::200e", "2c0f:fb50::1"})
    void permitsPublicIpv6Addresses(String address) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254", // IPv4-mapped
                "::127.0.0.1",
                "::192.168.1.1", // IPv4-compatible
                "::ffff:0:10.1.2.3", // IPv4-translated
                "64:ff9b::127.0.0.1",
                "64:ff9b::a9fe:a9fe", // NAT64 of loopback and metadata
                "2002:7f00:1::1",
                "2002:c0a8:101::", // 6to4 of 127.0.0.1 and 192.168.1.1
                "2001:0:7f00:1::1", // Teredo through a loopback server
                "2001:0:5ef5:79fb:0:0:f5ff:fffe" // Teredo with the obfuscated client 10.0.0.1
            })
    void judgesIpv6FormsCarryingIpv4ByTheirIpv4Address(String address) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:93.184.216.34",
                "64:ff9b::5db8:d822",
                "2002:5db8:d822::1",
                "2001:0:5ef5:79fb:0:0:a247:27dd"
            })
    void permitsIpv6FormsCarryingPublicIpv4(String address) throws Exception {
        assertThat(AddressPolicy.isBlocked(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void unwrapsIpv4MappedAddressesGivenAsRawBytes() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] compatible = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1};

        assertThat(AddressPolicy.isBlocked(InetAddress.getByAddress(mapped))).isTrue();
        assertThat(AddressPolicy.isBlocked(InetAddress.getByAddress(compatible)))
                .isTrue();
    }

    @Test
    void allowsTheOperatorsCidrsAndNothingBeside() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("10.0.0.0/8", "fd00::/8"));

        assertThat(policy.permits("crm.internal", 443, InetAddress.getByName("10.1.2.3")))
                .isTrue();
        assertThat(policy.permits("fd01::5", 80, InetAddress.getByName("fd01::5")))
                .isTrue();
        assertThat(policy.permits("crm.internal", 443, InetAddress.getByName("192.168.1.1")))
                .isFalse();
        assertThat(policy.permits("crm.internal", 443, InetAddress.getByName("127.0.0.1")))
                .isFalse();
        assertThat(policy.permits("fc01::5", 80, InetAddress.getByName("fc01::5")))
                .isFalse();
    }

    @Test
    void allowsAnAddressWhateverNameLeadsThere() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("127.0.0.2"));

        assertThat(policy.permits("127.0.0.2", 8080, InetAddress.getByName("127.0.0.2")))
                .isTrue();
        assertThat(policy.permits("test-site", 80, InetAddress.getByName("127.0.0.2")))
                .isTrue();
        assertThat(policy.permits("127.0.0.1", 8080, InetAddress.getByName("127.0.0.1")))
                .isFalse();
    }

    @Test
    void allowsAHostNameWhateverItResolvesTo() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of(" Intranet.Example "));

        assertThat(policy.permits("intranet.example", 80, InetAddress.getByName("10.0.0.5")))
                .isTrue();
        assertThat(policy.permits("INTRANET.example.", 443, InetAddress.getByName("127.0.0.1")))
                .isTrue();
        assertThat(policy.permits("other.example", 80, InetAddress.getByName("10.0.0.5")))
                .isFalse();
        assertThat(policy.permits("sub.intranet.example", 80, InetAddress.getByName("10.0.0.5")))
                .isFalse();
    }

    @Test
    void allowsAHostOrAddressOnlyOnTheNamedPort() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("intranet.example:8080", "10.0.0.9:9200", "[::1]:8443"));
        InetAddress intranet = InetAddress.getByName("10.0.0.5");

        assertThat(policy.permits("intranet.example", 8080, intranet)).isTrue();
        assertThat(policy.permits("intranet.example", 8081, intranet)).isFalse();
        assertThat(policy.permits("intranet.example", AddressPolicy.ANY_PORT, intranet))
                .isFalse();
        assertThat(policy.permits("search", 9200, InetAddress.getByName("10.0.0.9")))
                .isTrue();
        assertThat(policy.permits("search", 9201, InetAddress.getByName("10.0.0.9")))
                .isFalse();
        assertThat(policy.permits("[::1]", 8443, InetAddress.getByName("::1"))).isTrue();
        assertThat(policy.permits("[::1]", 443, InetAddress.getByName("::1"))).isFalse();
    }

    @Test
    void aPublicAddressNeedsNoEntry() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("intranet.example:8080"));

        assertThat(policy.permits("example.com", 443, InetAddress.getByName("93.184.216.34")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "intranet.example:0", "host:99999", "a b", "*.example"
            })
    void refusesEntriesItCannotRead(String entry) {
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry);
    }

    @Test
    void readsLiteralsWithoutResolvingNames() {
        assertThat(AddressPolicy.literal("localhost")).isNull();
        assertThat(AddressPolicy.literal("example.com")).isNull();
        assertThat(AddressPolicy.literal("[::1]")).isNotNull();
        assertThat(AddressPolicy.literal("127.0.0.2").getHostAddress()).isEqualTo("127.0.0.2");
    }
}
