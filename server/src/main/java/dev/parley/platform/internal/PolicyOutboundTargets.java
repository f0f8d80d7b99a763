package dev.parley.platform.internal;

import dev.parley.platform.FetchException;
import dev.parley.platform.FetchException.Reason;
import dev.parley.platform.OutboundTargets;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** Checks targets against the same address policy as {@link HttpGuardedFetcher}. */
record PolicyOutboundTargets(AddressPolicy policy) implements OutboundTargets {

    @Override
    public URI check(String url) {
        URI uri;
        try {
            uri = HttpGuardedFetcher.checked(new URI(url == null ? "" : url.strip()));
        } catch (URISyntaxException e) {
            throw new FetchException(Reason.INVALID_URL, null, "Not a valid URL");
        }
        String host = uri.getHost();
        int port = HttpGuardedFetcher.port(uri);
        InetAddress literal = AddressPolicy.literal(host);
        InetAddress[] addresses;
        try {
            addresses = literal != null ? new InetAddress[] {literal} : InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(Reason.UNRESOLVABLE_HOST, uri, "The host " + host + " could not be resolved", e);
        }
        for (InetAddress address : addresses) {
            if (!policy.permits(host, port, address)) {
                throw new FetchException(
                        Reason.BLOCKED_ADDRESS,
                        uri,
                        uri.getScheme() + "://" + host + " leads to an address that is not allowed");
            }
        }
        return uri;
    }
}
