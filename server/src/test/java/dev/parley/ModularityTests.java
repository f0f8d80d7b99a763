package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (a reach into another module's internals fails the build), and the diagram is drawn. */
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
        // The documenter's line order is not stable: the documented copy changes only when the modules do.
        if (!Files.exists(documented)
                || !sortedLines(Files.readString(documented)).equals(sortedLines(diagram))) {
            Files.writeString(documented, diagram);
        }
    }

    private static List<String> sortedLines(String text) {
        return text.lines().map(String::strip).sorted().toList();
    }
}
