package dev.parley.platform.internal;

import dev.parley.platform.SecretBox;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one box that seals stored secrets (model API keys, webhook signing secrets) under {@code PARLEY_SECRET_KEY},
 * bound as {@code parley.assistant.secret-key} since the assistant was its first user.
 */
@Configuration(proxyBeanMethods = false)
class SecretBoxConfiguration {

    @Bean
    SecretBox secretBox(Environment environment) {
        Path dataDir = Path.of(environment.getProperty("parley.data-dir", "./data"));
        return SecretBox.of(environment.getProperty("parley.assistant.secret-key"), dataDir.resolve("secret.key"));
    }
}
