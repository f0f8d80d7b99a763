package dev.parley.files.internal;

import dev.parley.platform.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * AWS Signature Version 4 for S3 requests in the Authorization header, the payload's SHA-256 signed (no chunked or
 * unsigned payloads): the canonical request, the string to sign under the day's credential scope, and the signing
 * key derived from the secret.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_PAYLOAD = Digests.sha256Hex(new byte[0]);
    private static final String SERVICE = "s3";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final String region;

    SigV4(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /**
     * The headers to send with the request: {@code x-amz-date}, {@code x-amz-content-sha256} and {@code Authorization}.
     *
     * @param canonicalUri the path as sent, each segment already URI-encoded
     * @param canonicalQuery the query string, its parameters sorted and encoded; empty for none
     * @param headers the other headers to sign, {@code host} among them
     */
    Map<String, String> sign(
            String method,
            String canonicalUri,
            String canonicalQuery,
            Map<String, String> headers,
            String payloadSha256,
            Instant at) {
        String time = TIME.format(at);
        String day = time.substring(0, 8);
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) ->
                signed.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
        signed.put("x-amz-content-sha256", payloadSha256);
        signed.put("x-amz-date", time);
        String canonicalHeaders = signed.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalRequest =
                String.join("\n", method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, payloadSha256);
        String scope = day + "/" + region + "/" + SERVICE + "/aws4_request";
        String stringToSign = String.join("\n", ALGORITHM, time, scope, Digests.sha256Hex(canonicalRequest));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, SERVICE);
        key = hmac(key, "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        Map<String, String> result = new LinkedHashMap<>();
        result.put("x-amz-date", time);
        result.put("x-amz-content-sha256", payloadSha256);
        result.put(
                "Authorization",
                ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                        + ", Signature=" + signature);
        return result;
    }

    /** S3's URI encoding of one path segment: everything but the unreserved characters as upper-case %XX. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        return Digests.hmacSha256(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
