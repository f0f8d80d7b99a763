package dev.parley.platform;

/**
 * The one way Parley fetches a URL someone gave it (crawled pages, outbound webhooks, imported files). It refuses
 * loopback, private, link-local, multicast, reserved and cloud-metadata targets, checked on the resolved addresses
 * and again on every redirect, unless the operator allowed them in {@code parley.platform.fetch.allow}; and it
 * enforces the request's limits on size, time, redirects and content type.
 */
public interface GuardedFetcher {

    /**
     * Fetches the request's URL, following redirects up to its limit. Any HTTP status is a response; only a refused
     * target, a network failure or a broken limit is an exception.
     *
     * @throws FetchException when the fetch was refused or failed, with the reason
     */
    FetchResponse fetch(FetchRequest request);
}
