package dev.parley.platform.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The OpenAPI description ({@code /openapi.json}) and its browsable UI ({@code /docs}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Describes bodies as the API spells them. springdoc reads the records through swagger's own Jackson 2 mapper,
     * which knows nothing of {@code spring.jackson.property-naming-strategy}; without this the description would show
     * camelCase names the API rejects. Ordered first so springdoc registers it beneath its own converters, in the
     * place of the default resolver it replaces.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver snakeCaseModelResolver(SpringDocConfigProperties springdoc) {
        ObjectMapper mapper = (springdoc.isOpenapi31() ? Json31.mapper() : Json.mapper()).copy();
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return new ModelResolver(mapper, new QualifiedTypeNames()).openapi31(springdoc.isOpenapi31());
    }

    /**
     * Schema names that stay apart when two controllers each nest a record of the same simple name (a conversation's
     * and a webhook's {@code CreateRequest}): a nested type is named after its owner without the {@code Controller}
     * suffix, {@code ConversationCreateRequest} and {@code WebhookCreateRequest}, unless its name already starts so.
     */
    static final class QualifiedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> owner = type.getEnclosingClass();
            if (owner == null) {
                return type.getSimpleName();
            }
            String prefix = owner.getSimpleName().replaceFirst("Controller$", "");
            return type.getSimpleName().startsWith(prefix) ? type.getSimpleName() : prefix + type.getSimpleName();
        }
    }

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Parley API")
                        .version("v1")
                        .description("AI customer support: conversations, knowledge, commerce, webhooks, analytics. "
                                + "Authenticate with 'Authorization: Bearer sk_live_...'. Errors use the envelope "
                                + "{\"error\":{\"code\",\"message\",\"message_en\",\"details\",\"request_id\"},"
                                + "\"request_id\"}. This description is the canonical API (/v1, snake_case). Seed "
                                + "dialects on the seeds' own paths: /api/v1/x (seed 002) answers as /v1/x; seed 000's "
                                + "endpoints (/api/chat, /api/analytics/intelligence, /api/monitoring/metrics, "
                                + "/api/scrape[/...], /api/training[/...], /api/gdpr/..., /api/dashboard/..., "
                                + "/api/auth/generate-key) take and answer camelCase bodies (conversationId, "
                                + "searchResults, metadata.tokensUsed, jobId, maxPages beside url) and errors as "
                                + "{\"error\":\"<message>\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"details\","
                                + "\"timestamp\",\"requestId\"} with codes AUTH_INVALID, INVALID_REQUEST, "
                                + "RESOURCE_NOT_FOUND, DOMAIN_NOT_CONFIGURED, RATE_LIMIT_EXCEEDED, INSUFFICIENT_CREDITS, "
                                + "INTERNAL_ERROR; seed 004's endpoints (/health, /api/sessions[/...], "
                                + "/api/products/search, /api/analytics/events, /api/analytics/sessions/..., "
                                + "/api/test/tool-execution) answer the canonical bodies with upper-case error codes "
                                + "(UNAUTHORIZED, FORBIDDEN, NOT_FOUND, VALIDATION_ERROR, RATE_LIMIT_EXCEEDED, "
                                + "SHOPIFY_API_ERROR, INTERNAL_ERROR). Any other /api/x answers as /v1/x. "
                                + "Every path reads each seed's spelling of a request: a camelCase name in a JSON body "
                                + "or query (customerEmail, context.pageUrl, includeMessages) as its snake_case one "
                                + "(a caller's own metadata, an event's data and a tool's parameters keep their "
                                + "keys, and an error names a field as the client spelled it), and a query "
                                + "parameter under any seed's name: limit or per_page, from/to or "
                                + "start_date/end_date, agent_id or assigned_to, group_by or granularity (a name "
                                + "the client sent itself wins). Session creation (POST /v1/sessions, "
                                + "/api/sessions) is limited to 10 a minute per client IP (seed 004), beside the "
                                + "per-key limits. "
                                + "docs/api-mapping.md lists every seed field and where two seeds differ.")
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
