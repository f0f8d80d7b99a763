package dev.parley.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Parley's webhook bodies are byte for byte what Node's {@code JSON.stringify(JSON.parse(body))} gives back. */
class JsonTextTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesWhatJavaScriptWrites() throws Exception {
        String input = """
                {"b": 1, "10": "ten", "2": [true, false, null], "01": "not an index", "a": {"z": 0, "4294967295": 1},
                 "numbers": [1.0, 0.1, 0.30000000000000004, -0.0, 1e21, 1e-7, 123456789.5, 5e-324, 1.7976931348623157e308,
                             12345678901234567890, -42, 100, 2.5e-6, 0.000001],
                 "text": "Où «Größe» 😀 \\"q\\" back\\\\slash </script> \\u2028 \\u2029 tab\\t nl\\n cr\\r \\b \\f \\u0001 \\u001f \\u007f \\ud800 end"}
                """;

        String ours = JsonText.stringify(JSON.readTree(input));

        assertThat(ours).isEqualTo(node(input));
        assertThat(ours).startsWith("{\"2\":[true,false,null],\"10\":\"ten\",\"b\":1,");
    }

    private static String node(String input) throws Exception {
        Path file = Files.createTempFile("json", ".json");
        try {
            Files.writeString(file, input, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(
                            "node",
                            "-e",
                            "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync(process.argv[1],"
                                    + " 'utf8'))))",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
