package dev.parley.platform.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints (test sources, never shipped) that fail on purpose, to check how failures are answered. */
@RestController
class FailingEndpointsForTests {

    @GetMapping("/v1/test-only/fail/{code}")
    void fail(@PathVariable String code) {
        throw new ApiException(ErrorCode.valueOf(code), null, Map.of("on_purpose", true), "x", "y");
    }

    @GetMapping("/v1/test-only/crash")
    void crash() {
        throw new IllegalStateException("secret internal detail");
    }
}
