package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.BodyLimit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class BodyLimitFilterTests {

    final BodyLimitFilter filter = new BodyLimitFilter(
            DataSize.ofMegabytes(1).toBytes(),
            List.of(
                    new BodyLimit("/v1/knowledge-base/documents", DataSize.ofMegabytes(20)),
                    new BodyLimit("/v1/knowledge-base", DataSize.ofMegabytes(5))),
            null);

    @Test
    void appliesTheLargestLimitDeclaredForThePath() {
        assertThat(filter.limitFor(post("/v1/knowledge-base/documents"))).isEqualTo(20L * 1024 * 1024);
        assertThat(filter.limitFor(post("/v1/knowledge-base/documents/kb_1"))).isEqualTo(20L * 1024 * 1024);
        assertThat(filter.limitFor(post("/v1/knowledge-base/search"))).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void keepsThePlatformLimitElsewhere() {
        assertThat(filter.limitFor(post("/v1/knowledge-base-documents"))).isEqualTo(1024 * 1024);
        assertThat(filter.limitFor(post("/v1/conversations"))).isEqualTo(1024 * 1024);
    }

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
