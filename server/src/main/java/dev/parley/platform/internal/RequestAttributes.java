package dev.parley.platform.internal;

/** Names of the request attributes the platform's filters hand to each other. */
final class RequestAttributes {

    static final String REQUEST_ID = "parley.requestId";
    static final String CALLER = "parley.caller";

    private RequestAttributes() {}
}
