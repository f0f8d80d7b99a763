package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchOptionsTests {

    @Test
    void readsTheScenarioAndBothOptionSpellings() {
        var options = Bench.options(new String[] {"--server-jar", "x.jar", "edge", "--seconds=5"});

        assertThat(options)
                .containsEntry("scenario", "edge")
                .containsEntry("server-jar", "x.jar")
                .containsEntry("seconds", "5");
    }

    @Test
    void readsAFlagWithoutAValue() {
        var options = Bench.options(new String[] {"--server-jar", "x.jar", "search", "--quick"});

        assertThat(options).containsEntry("scenario", "search").containsEntry("quick", "true");
    }
}
