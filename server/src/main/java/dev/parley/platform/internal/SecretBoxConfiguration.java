package dev.parley.platform.internal;

import dev.parley.platform.SecretBox;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one {@link SecretBox}: the operator's {@code PARLEY_SECRET_KEY}, or a key generated into the data directory. */
@Configuration(proxyBeanMethods = false)
class SecretBoxConfiguration {

    @Bean
    SecretBox secretBox(Environment environment) {
        Path dataDir = Path.of(environment.getProperty("parley.data-dir", "./data"));
        return SecretBox.of(environment.getProperty("parley.platform.secret-key"), dataDir.resolve("secret.key"));
    }
}
