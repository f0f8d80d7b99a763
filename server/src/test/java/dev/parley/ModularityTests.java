package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold (a reach into another module's internals fails the build), and the documented diagram
 * is the one the modules draw. The test never writes into the source tree: {@code ./parley diagram} redraws
 * {@code docs/modules/components.puml} (this test with {@code -Dparley.modules.write=true}).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ParleyApplication.class);

    @Test
    void keepsModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void findsEveryModuleAndDrawsTheirDiagram() throws Exception {
        Path drawn = Path.of("target", "modules");
        Path documented = Path.of("..", "docs", "modules", "components.puml");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
                .writeModulesAsPlantUml();

        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "tenancy", "knowledge", "assistant", "conversation", "commerce", "webhook")
                .contains("analytics", "privacy", "files", "widget", "live", "voice", "console");
        String diagram = Files.readString(drawn.resolve("components.puml"));
        assertThat(diagram).contains("Platform").contains("Tenancy");
        // The documenter's line order is not stable: the copies are compared line by line, in sorted order.
        boolean current = Files.exists(documented)
                && sortedLines(Files.readString(documented)).equals(sortedLines(diagram));
        if (!current && Boolean.getBoolean("parley.modules.write")) {
            Files.writeString(documented, diagram);
            return;
        }
        assertThat(current)
                .as("docs/modules/components.puml is out of date with the modules: run ./parley diagram")
                .isTrue();
    }

    private static List<String> sortedLines(String text) {
        return text.lines().map(String::strip).sorted().toList();
    }
}
