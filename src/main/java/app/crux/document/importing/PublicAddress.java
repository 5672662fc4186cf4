package app.crux.document.importing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The guard that keeps the fetcher from being used to reach inside Crux's own network
 * (server-side request forgery): every address a host name resolves to must be public.
 * Loopback, private, unique-local, link-local (which includes the 169.254.169.254 cloud
 * metadata service), carrier-grade NAT, multicast, "this network", documentation,
 * benchmarking, Teredo (all of 2001::/23) and reserved ranges are refused, also when wrapped in IPv6
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 *
 * <p>{@link #resolve} answers the one address the fetcher then connects to: the host is
 * looked up once per hop, so a DNS server cannot answer "public" to the check and
 * "private" to the connection (DNS rebinding).
 */
final class PublicAddress {

    /** Name lookup, a seam so tests can play a DNS server that changes its answer. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final Resolver resolver;

    /** @param allowLoopback only for tests that serve pages from this machine */
    PublicAddress(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    PublicAddress(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /**
     * Resolves the host (no connection is made), refuses it unless every address is public,
     * and answers the address to connect to. All must pass, not just the one used: a name
     * that also points inside is refused outright.
     */
    InetAddress resolve(URI uri) {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            // an IPv6 literal comes with its brackets from URI.getHost()
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + host
                    + ": the name does not exist (DNS lookup failed). Check the address.");
        }
        if (addresses == null || addresses.length == 0) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + host
                    + ": the name has no address (DNS lookup failed). Check the address.");
        }
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw new ImportRefused(ImportRefused.Reason.FORBIDDEN_ADDRESS, "That address (" + host + ") points inside a "
                        + "private network; Crux only fetches public web pages.");
            }
        }
        return addresses[0];
    }

    boolean forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return !allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            return forbiddenIpv6(b);
        }
        return true;
    }

    /** IANA special-purpose IPv4 ranges (RFC 6890 and successors) that are not the public internet. */
    private static boolean forbiddenIpv4(int a, int b, int c) {
        return a == 0 // 0.0.0.0/8 "this network"
                || a == 10 || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168) // RFC 1918 private
                || a == 127 // loopback
                || (a == 100 && b >= 64 && b < 128) // 100.64.0.0/10 carrier-grade NAT
                || (a == 169 && b == 254) // link local, cloud metadata
                || (a == 192 && b == 0 && c == 0) // 192.0.0.0/24 IETF protocol assignments
                || (a == 192 && b == 0 && c == 2) // 192.0.2.0/24 TEST-NET-1
                || (a == 192 && b == 88 && c == 99) // 192.88.99.0/24 6to4 relay anycast
                || (a == 198 && (b == 18 || b == 19)) // 198.18.0.0/15 benchmarking
                || (a == 198 && b == 51 && c == 100) // 198.51.100.0/24 TEST-NET-2
                || (a == 203 && b == 0 && c == 113) // 203.0.113.0/24 TEST-NET-3
                || a >= 224; // multicast, 240.0.0.0/4 reserved, broadcast
    }

    private boolean forbiddenIpv6(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        int b3 = b[3] & 0xff;
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0x80)) {
            return true; // fc00::/7 unique local, fe80::/10 link local
        }
        if (b0 == 0x20 && b1 == 0x01 && b2 < 0x02) {
            // 2001::/23 IETF protocol assignments: 2001::/32 Teredo (the tunnel's far end is an IPv4
            // address we cannot judge), benchmarking, ORCHID, anycast services; no public web site lives here
            return true;
        }
        if (b0 == 0x20 && b1 == 0x01 && b2 == 0x0d && b3 == 0xb8) {
            return true; // 2001:db8::/32 documentation
        }
        if (b0 == 0x01 && b1 == 0x00 && zeros(b, 2, 8)) {
            return true; // 100::/64 discard-only
        }
        if (zeros(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zeros(b, 10, 12))) {
            return embedded(b, 12); // ::ffff:a.b.c.d mapped, ::a.b.c.d compatible
        }
        if (b0 == 0x00 && b1 == 0x64 && b2 == 0xff && b3 == 0x9b) {
            // 64:ff9b::/96 well-known NAT64 prefix; 64:ff9b:1::/48 is for local use only (RFC 8215)
            return !zeros(b, 4, 12) || embedded(b, 12);
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2); // 2002::/16 6to4
        }
        return false;
    }

    private boolean embedded(byte[] b, int at) {
        try {
            return forbidden(InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
