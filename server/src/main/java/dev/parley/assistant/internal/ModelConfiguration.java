package dev.parley.assistant.internal;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The wiring of the model path: the box that seals API keys. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    SecretBox secretBox(AssistantProperties properties, Environment environment) {
        Path dataDir = Path.of(environment.getProperty("parley.data-dir", "./data"));
        return SecretBox.of(properties.secretKey(), dataDir.resolve("secret.key"));
    }
}
