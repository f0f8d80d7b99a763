package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Path output = Path.of("..", "docs", "modules");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml();

        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("platform", "tenancy");
        String diagram = Files.readString(output.resolve("components.puml"));
        assertThat(diagram).contains("Platform").contains("Tenancy");
    }
}
