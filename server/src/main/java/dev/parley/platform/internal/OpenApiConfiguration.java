package dev.parley.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description ({@code /openapi.json}) and its browsable UI ({@code /docs}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Parley API")
                        .version("v1")
                        .description("AI customer support: conversations, knowledge, commerce, webhooks, analytics. "
                                + "Authenticate with 'Authorization: Bearer sk_live_...'. Errors use the envelope "
                                + "{\"error\":{\"code\",\"message\",\"message_en\",\"details\"},\"request_id\"}.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A secret key sk_live_/sk_test_ or a publishable key pk_")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
