package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTests {

    final LanguageDetector detector = new LanguageDetector();

    @Test
    void tellsUzbekFromEnglishInBothScripts() {
        assertThat(detector.detect("Salom! Buyurtmam qachon yetkazib beriladi?"))
                .isEqualTo("uz");
        assertThat(detector.detect("Menga yordam kerak, iltimos")).isEqualTo("uz");
        assertThat(detector.detect("Салом, буюртмам қачон келади?")).isEqualTo("uz");
        assertThat(detector.detect("Здравствуйте, где мой заказ?")).isEqualTo("ru");
        assertThat(detector.detect("Where is my order?")).isEqualTo("en");
    }

    @Test
    void fallsBackToEnglishWhenUnclear() {
        assertThat(detector.detect("#1234")).isEqualTo("en");
        assertThat(detector.detect("🙂")).isEqualTo("en");
    }
}
