package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiExceptionTests {

    @Test
    void aBusyRefusalSaysWhenToRetryAndBuildsNoStackTrace() {
        ApiException busy = ApiException.busy();

        assertThat(busy.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(busy.messageKey()).isEqualTo("error.service_unavailable.busy");
        assertThat(busy.retryAfter()).hasValue(1);
        assertThat(busy.details()).containsEntry("retry_after", 1L);
        assertThat(busy.messageArgs()).containsExactly(1L);
        assertThat(busy.getStackTrace()).isEmpty();
    }

    @Test
    void otherFailuresKeepTheirStackTrace() {
        ApiException other =
                ApiException.retryLater(ErrorCode.SERVICE_UNAVAILABLE, "error.service_unavailable.busy", 1);

        assertThat(other.getStackTrace()).isNotEmpty();
        assertThat(other.details()).isEqualTo(ApiException.busy().details());
    }
}
