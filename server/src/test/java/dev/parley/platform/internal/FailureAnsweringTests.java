package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.ErrorCode;
import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

@ApiTest
class FailureAnsweringTests {

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    @Autowired
    MessageSource messages;

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void answersEveryCodeWithItsStatusInEnglishAndUzbek(ErrorCode code) {
        Api api = Api.at(port).withKey(fixtures.workspace().liveKey());

        Api.Response english = api.get("/v1/test-only/fail/" + code.name());
        Api.Response uzbek = api.withHeader("Accept-Language", "uz").get("/v1/test-only/fail/" + code.name());

        assertThat(english.status()).isEqualTo(code.status());
        assertThat(english.errorCode()).isEqualTo(code.wire());
        assertThat(uzbek.json().at("/error/message").asString())
                .isNotBlank()
                .isNotEqualTo(english.json().at("/error/message").asString());
        assertThat(uzbek.json().at("/error/message_en").asString())
                .isEqualTo(english.json().at("/error/message").asString());
    }

    @Test
    void hasAnUzbekMessageForEveryEnglishOne() throws Exception {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties uzbek = new java.util.Properties();
        english.load(getClass().getResourceAsStream("/messages.properties"));
        uzbek.load(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/messages_uz.properties"), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(uzbek.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(messages.getMessage("error.not_found", null, Locale.forLanguageTag("uz")))
                .contains("mavjud emas");
    }

    @Test
    void answersAnUnexpectedFailureWith500AndNoInternals() {
        Api.Response response =
                Api.at(port).withKey(fixtures.workspace().liveKey()).get("/v1/test-only/crash");

        assertThat(response.status()).isEqualTo(500);
        JsonNode body = response.json();
        assertThat(body.at("/error/code").asString()).isEqualTo("internal_error");
        assertThat(response.text()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(body.path("request_id").asString())
                .isEqualTo(response.header("X-Request-Id").orElseThrow());
    }
}
