package dev.parley.platform.internal;

import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.OutboundTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one fetcher of user-given URLs, with the operator's allow-list and ceilings. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    GuardedFetcher guardedFetcher(PlatformProperties properties) {
        return new HttpGuardedFetcher(properties.fetch());
    }

    @Bean
    OutboundTargets outboundTargets(PlatformProperties properties) {
        return new PolicyOutboundTargets(
                AddressPolicy.allowing(properties.fetch().allow()));
    }
}
