package app.crux.document;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The guard that keeps the fetcher from being used to reach inside Crux's own network
 * (server-side request forgery): every address a host name resolves to must be public.
 * Loopback, private, unique-local, link-local (which includes the 169.254.169.254 cloud
 * metadata service), carrier-grade NAT, multicast, "this network" and reserved ranges are
 * refused, also when wrapped in IPv6 (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 */
final class PublicAddress {

    private final boolean allowLoopback;

    /** @param allowLoopback only for tests that serve pages from this machine */
    PublicAddress(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Resolves the host (no connection is made) and refuses it unless every address is public. */
    void check(URI uri) {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ImportRefused(ImportRefused.Reason.UNREACHABLE, "Could not reach " + host
                    + ": the name does not exist (DNS lookup failed). Check the address.");
        }
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw new ImportRefused(ImportRefused.Reason.FORBIDDEN_ADDRESS, "That address (" + host + ") points inside a "
                        + "private network; Crux only fetches public web pages.");
            }
        }
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

    private static boolean forbiddenIpv4(int a, int b, int c) {
        return a == 0 || a == 10 || a == 127 || (a == 100 && b >= 64 && b < 128) || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168) || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (b == 18 || b == 19)) || a >= 224;
    }

    private boolean forbiddenIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)) {
            return true; // fc00::/7 unique local, fe80::/10 link local
        }
        if (zeros(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || zeros(b, 10, 12))) {
            return embedded(b, 12); // ::ffff:a.b.c.d mapped, ::a.b.c.d compatible
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embedded(b, 12); // 64:ff9b::/96 NAT64
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
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
