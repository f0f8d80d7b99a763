package dev.parley.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Beans every test context shares: the movable clock, the tenancy fixtures and the tools of the tests. */
@TestConfiguration(proxyBeanMethods = false)
@Import({
    dev.parley.tenancy.internal.TenancyFixtures.class,
    dev.parley.commerce.internal.CommerceFixtures.class,
    dev.parley.assistant.ToolsForTests.class
})
public class TestSupportConfiguration {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.shared();
    }
}
