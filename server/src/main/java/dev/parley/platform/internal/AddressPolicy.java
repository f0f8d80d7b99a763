package dev.parley.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses a server-side fetch may connect to. Addresses that do not lead to the public internet are blocked:
 * loopback, private, shared (CGNAT), link-local, multicast, unspecified, reserved, documentation and benchmarking
 * ranges, and cloud metadata endpoints. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4,
 * Teredo) are judged by the IPv4 address they carry. The operator's allow-list overrides the block for the targets it
 * names, and only for those.
 *
 * @param allowed the operator's entries, from {@code parley.platform.fetch.allow}
 */
record AddressPolicy(List<Allowed> allowed) {

    static final int ANY_PORT = -1;

    // Before the ranges: parsing them needs these.
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    private static final List<Range> BLOCKED_V4 = ranges(
            "0.0.0.0/8", // "this network", including the unspecified address
            "10.0.0.0/8",
            "100.64.0.0/10", // shared address space (CGNAT)
            "127.0.0.0/8",
            "169.254.0.0/16", // link-local, home of most cloud metadata endpoints
            "172.16.0.0/12",
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24",
            "192.88.99.0/24", // deprecated 6to4 relay anycast
            "192.168.0.0/16",
            "198.18.0.0/15", // benchmarking
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4", // multicast
            "240.0.0.0/4", // reserved, including the broadcast address
            // Metadata endpoints, listed even where a range above covers them.
            "169.254.169.254/32",
            "169.254.170.2/32",
            "100.100.100.200/32",
            "168.63.129.16/32");

    private static final List<Range> BLOCKED_V6 = ranges(
            "::/128",
            "::1/128",
            "64:ff9b:1::/48", // local-use NAT64
            "100::/64", // discard-only
            "2001:2::/48", // benchmarking
            "2001:10::/28", // ORCHID
            "2001:20::/28", // ORCHIDv2
            "2001:db8::/32", // documentation
            "3fff::/20", // documentation
            "5f00::/16", // segment routing
            "fc00::/7", // unique local
            "fe80::/10", // link-local
            "fec0::/10", // deprecated site-local
            "ff00::/8", // multicast
            "fd00:ec2::254/128"); // AWS metadata over IPv6

    /** What remains of {@code ::/8} once the forms carrying IPv4 are unwrapped is reserved. */
    private static final Range RESERVED_V6 = Range.parse("::/8");

    AddressPolicy {
        allowed = List.copyOf(allowed);
    }

    /**
     * Reads the operator's allow-list: host names ({@code intranet.example}), host and port ({@code
     * intranet.example:8080}, {@code 10.0.0.5:8080}, {@code [fd00::5]:8080}), addresses and CIDRs ({@code
     * 10.0.0.0/8}). A host name matches the name in the URL, whatever it resolves to; an address or CIDR matches the
     * address connected to, whatever name led there.
     *
     * @throws IllegalArgumentException naming the first entry that is none of these
     */
    static AddressPolicy allowing(List<String> entries) {
        List<Allowed> allowed = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                allowed.add(Allowed.parse(entry));
            }
        }
        return new AddressPolicy(allowed);
    }

    /**
     * Whether a connection to {@code address}, reached through {@code host} (the URL's host) and {@code port}, may be
     * made.
     *
     * @param port the port, or {@link #ANY_PORT} when unknown, which only entries without a port match
     */
    boolean permits(String host, int port, InetAddress address) {
        String name = normalizedHost(host);
        return allowed.stream().anyMatch(entry -> entry.matches(name, port, address)) || !isBlocked(address);
    }

    /** Whether the address is blocked regardless of the allow-list. */
    static boolean isBlocked(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return isBlockedV4(bytes);
        }
        if (BLOCKED_V6.stream().anyMatch(range -> range.contains(bytes))) {
            return true;
        }
        List<byte[]> embedded = embeddedIpv4(bytes);
        if (!embedded.isEmpty()) {
            return embedded.stream().anyMatch(AddressPolicy::isBlockedV4);
        }
        return RESERVED_V6.contains(bytes);
    }

    private static boolean isBlockedV4(byte[] bytes) {
        return BLOCKED_V4.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The IPv4 addresses an IPv6 address carries, by the transition mechanisms that route to them. */
    private static List<byte[]> embeddedIpv4(byte[] v6) {
        if (startsWith(v6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) && (u16(v6, 10) == 0 || u16(v6, 10) == 0xffff)) {
            return List.of(slice(v6, 12)); // IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d
        }
        if (startsWith(v6, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0)) {
            return List.of(slice(v6, 12)); // IPv4-translated ::ffff:0:a.b.c.d
        }
        if (startsWith(v6, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0)) {
            return List.of(slice(v6, 12)); // NAT64 64:ff9b::a.b.c.d
        }
        if (startsWith(v6, 0x20, 0x02)) {
            return List.of(slice(v6, 2)); // 6to4 2002:aabb:ccdd::
        }
        if (startsWith(v6, 0x20, 0x01, 0, 0)) {
            byte[] client = slice(v6, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return List.of(slice(v6, 4), client); // Teredo: the server, and the client's obfuscated address
        }
        return List.of();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | (bytes[offset + 1] & 0xff);
    }

    private static byte[] slice(byte[] bytes, int offset) {
        return java.util.Arrays.copyOfRange(bytes, offset, offset + 4);
    }

    /**
     * Parses an IP literal, with or without IPv6 brackets, without ever looking a name up; {@code null} for anything
     * else.
     */
    static InetAddress literal(String text) {
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!IPV4_LITERAL.matcher(candidate).matches()
                && !IPV6_LITERAL.matcher(candidate).matches()) {
            return null;
        }
        try {
            // Only a literal reaches here, so this parses and never resolves.
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A host as the allow-list compares it: lower case, without IPv6 brackets or a trailing dot. */
    static String normalizedHost(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static List<Range> ranges(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(Range::parse).toList();
    }

    /** One entry of the allow-list: a host name, or an address range, optionally on one port. */
    record Allowed(String host, Range range, int port) {

        boolean matches(String normalizedHost, int port, InetAddress address) {
            if (this.port != ANY_PORT && this.port != port) {
                return false;
            }
            return range != null ? range.contains(address.getAddress()) : host.equals(normalizedHost);
        }

        static Allowed parse(String entry) {
            String text = entry.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.contains("/")) {
                    return new Allowed(null, Range.parse(text), ANY_PORT);
                }
                String host = text;
                int port = ANY_PORT;
                if (text.startsWith("[") && text.contains("]:")) {
                    host = text.substring(0, text.indexOf("]:") + 1);
                    port = port(text.substring(text.indexOf("]:") + 2));
                } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                    host = text.substring(0, text.indexOf(':'));
                    port = port(text.substring(text.indexOf(':') + 1));
                }
                InetAddress address = literal(host);
                if (address != null) {
                    return new Allowed(null, Range.of(address), port);
                }
                String name = normalizedHost(host);
                if (!HOST_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException();
                }
                return new Allowed(name, null, port);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Not a host, host:port, address or CIDR in parley.platform.fetch.allow: " + entry);
            }
        }

        private static int port(String text) {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException();
            }
            return port;
        }
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
    record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            String[] parts = cidr.trim().split("/", -1);
            InetAddress address = literal(parts[0]);
            if (address == null || parts.length > 2) {
                throw new IllegalArgumentException("Not a CIDR: " + cidr);
            }
            byte[] network = address.getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Not a CIDR: " + cidr);
            }
            return new Range(network, prefix);
        }

        static Range of(InetAddress address) {
            byte[] bytes = address.getAddress();
            return new Range(bytes, bytes.length * 8);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
