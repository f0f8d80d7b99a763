package dev.parley.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.SeedDocument;
import dev.parley.support.SeedDocument.Block;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue covers every code block of the five seed documents, and each covering test exists. */
class SeedCatalogueTests {

    @Test
    void everyCodeBlockOfEverySeedIsCoveredAndNothingElse() {
        List<String> found = new ArrayList<>();
        for (String seed : SeedDocument.SEEDS) {
            SeedDocument.read(seed).blocks().forEach(b -> found.add(b.id()));
        }
        assertThat(found).hasSize(130);
        assertThat(SeedCatalogue.BLOCKS.keySet()).containsExactlyInAnyOrderElementsOf(found);
    }

    @Test
    void everyCoveringTestExists() throws Exception {
        for (Map.Entry<String, String> entry : SeedCatalogue.BLOCKS.entrySet()) {
            String coveredBy = entry.getValue();
            if (coveredBy.startsWith("none: ")) {
                assertThat(coveredBy.length()).as(entry.getKey() + " says why").isGreaterThan(20);
                continue;
            }
            String[] parts = coveredBy.split("#");
            Class<?> test = Class.forName("dev.parley." + parts[0]);
            Method method = Arrays.stream(test.getDeclaredMethods())
                    .filter(m -> m.getName().equals(parts[1]))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(entry.getKey() + ": no test " + coveredBy));
            assertThat(method.isAnnotationPresent(Test.class)).as(coveredBy).isTrue();
        }
    }

    @Test
    void everyJsonExampleParses() {
        for (String seed : SeedDocument.SEEDS) {
            for (Block block : SeedDocument.read(seed).blocks()) {
                if (block.language().equals("json")
                        || block.language().equals("typescript") && block.text().contains("\"type\"")) {
                    assertThat(block.jsonValues()).as(block.id()).isNotEmpty();
                }
            }
        }
    }
}
