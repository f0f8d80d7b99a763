package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.knowledge.TextEmbeddings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UnderstandingEvaluationTests {

    static TextEmbeddings embeddings;

    @TempDir
    Path directory;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void loadModel() {
        embeddings = TextEmbeddings.local();
    }

    @Test
    void scoresIntentsAndPrintsOneJsonLineLast() throws Exception {
        Path train = write("train.csv", """
                text,label
                where is my order,order_status
                track my package,order_status
                has my parcel shipped,order_status
                I want to return my shoes,return_item
                how do I send something back,return_item
                start a return please,return_item
                tell me a joke,oos
                what's the capital of Peru,oos
                """);
        Path test = write("test.csv", """
                text,label
                when will my order arrive,order_status
                "return these boots, they don't fit",return_item
                who wrote Hamlet,oos
                """);

        int status = UnderstandingEvaluation.intents(
                Map.of("train", train.toString(), "test", test.toString()), embeddings, print(out), print(err));

        assertThat(status).isZero();
        assertThat(lastLine().propertyNames())
                .contains(
                        "n",
                        "accuracy",
                        "macro_f1",
                        "oos_recall",
                        "oos_precision",
                        "train_seconds",
                        "train_cpu_seconds",
                        "p50_ms",
                        "p99_ms");
        assertThat(lastLine().path("n").asInt()).isEqualTo(3);
        // Every label's row of the confusion matrix: what it was taken for.
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("label | support | precision | recall | f1 | taken for")
                .containsPattern("(?m)^  (order_status|return_item|oos) \\| 1 \\|");
    }

    @Test
    void scoresAFinerIntentAsItsFamilyWhenTheTestSetOnlyKnowsTheFamily() throws Exception {
        Path train = write("train.csv", """
                text,label
                where is my refund,refund_status
                my refund has not arrived yet,refund_status
                has my refund been processed,refund_status
                hello there,greeting
                hi,greeting
                good morning,greeting
                tell me a joke,oos
                what's the capital of Peru,oos
                play some music,oos
                """);
        Path test = write("test.csv", """
                text,label
                still no refund on my card,refund_request
                who wrote Hamlet,oos
                """);

        int status = UnderstandingEvaluation.intents(
                Map.of("train", train.toString(), "test", test.toString(), "threshold", "0"),
                embeddings,
                print(out),
                print(err));

        assertThat(status).isZero();
        assertThat(lastLine().path("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(lastLine().path("in_scope_refused").asDouble()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("1 predictions scored as their family")
                .contains("threshold | in-scope refused | oos recall");
    }

    @Test
    void scoresSentimentTwoWaysWhenTheDataHasNoNeutral() throws Exception {
        Path test = write("reviews.csv", """
                text,label
                "Great phone, works perfectly",positive
                Broke after a day. Terrible.,negative
                """);

        int status =
                UnderstandingEvaluation.sentiment(Map.of("test", test.toString()), embeddings, print(out), print(err));

        assertThat(status).isZero();
        assertThat(lastLine().propertyNames())
                .contains("n", "accuracy", "macro_f1", "train_seconds", "p50_ms", "p99_ms")
                .doesNotContain("oos_recall");
        assertThat(lastLine().path("classes").asInt()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("two ways");
    }

    private JsonNode lastLine() {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return JsonMapper.builder().build().readTree(lines.getLast());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
