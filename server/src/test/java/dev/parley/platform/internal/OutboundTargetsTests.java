package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.platform.FetchException;
import dev.parley.platform.OutboundTargets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundTargetsTests {

    final OutboundTargets targets = new PolicyOutboundTargets(AddressPolicy.allowing(List.of("127.0.0.2")));

    @Test
    void refusesWhatTheGuardedFetcherRefuses() {
        for (String url : List.of(
                "http://127.0.0.1:8080/v1",
                "http://localhost/v1",
                "http://10.1.2.3/v1",
                "http://169.254.169.254/",
                "http://[::ffff:127.0.0.1]/",
                "http://[fd00::1]/")) {
            assertThatThrownBy(() -> targets.check(url))
                    .as(url)
                    .isInstanceOfSatisfying(
                            FetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS));
        }
    }

    @Test
    void allowsWhatTheOperatorAllowedAndRefusesWhatIsNotAnHttpUrl() {
        assertThat(targets.check("http://127.0.0.2:8000/v1").getPort()).isEqualTo(8000);
        assertThatThrownBy(() -> targets.check("ftp://127.0.0.2/"))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.BAD_SCHEME));
        assertThatThrownBy(() -> targets.check("http://user:pw@127.0.0.2/"))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.INVALID_URL));
        assertThatThrownBy(() -> targets.check("not a url")).isInstanceOf(FetchException.class);
    }
}
