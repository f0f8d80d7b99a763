package dev.parley.platform;

import java.net.URI;

/**
 * A fetch of a user-given URL that was refused or failed. The message names at most the target's origin, never a
 * resolved address or the URL's path and query, so it can be shown to whoever gave the URL.
 */
public class FetchException extends RuntimeException {

    /** Why the fetch did not produce a response. */
    public enum Reason {
        /** Not an absolute URL with a host, or a redirect to one. */
        INVALID_URL,
        /** A scheme other than {@code http} and {@code https}. */
        BAD_SCHEME,
        /** The host is, or resolves to, an address that is not allowed. */
        BLOCKED_ADDRESS,
        UNRESOLVABLE_HOST,
        CONNECTION_FAILED,
        /** The request's total time ran out. */
        TIMEOUT,
        /** The body is larger than the request's limit. */
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        REDIRECT_LOOP,
        /** A successful response whose media type the request does not accept. */
        UNACCEPTED_CONTENT_TYPE
    }

    private final Reason reason;
    private final URI url;

    public FetchException(Reason reason, URI url, String message) {
        this(reason, url, message, null);
    }

    public FetchException(Reason reason, URI url, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.url = url;
    }

    public Reason reason() {
        return reason;
    }

    /** The URL of the hop that failed (a redirect's target when a redirect failed); {@code null} if unparseable. */
    public URI url() {
        return url;
    }
}
