package dev.parley.assistant.internal.dialogues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.dialogues.DialogueEvaluation.Report;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dialogue evaluation's own verdicts, played against the running application: a dialogue whose expectations
 * describe what Parley does passes, the same conversation with a wrong expectation fails on exactly that one, and
 * the dev suite itself reads without a mistake. How well Parley scores is docs/quality.md's business, not this test's.
 */
@ApiTest
@Tag("database")
class DialogueEvaluationTests {

    static final String DIALOGUES = """
            # Both ask where order 1001 is from the widget, then give the email on the order.
            == status-then-email
            kind: ordinary
            as: widget
            > Where is my order #1001?
              reply has: email
              reply lacks: 1Z
              no action: order_status_checked|order_tracked
            > it's jane@example.com
              action: order_status_checked|order_tracked order_number=1001 status=executed
              reply has: 1Z | in transit
            overall:
              not escalated

            == status-then-email-wrongly-expected
            kind: ordinary
            as: widget
            > Where is my order #1001?
              reply has: email
            > it's jane@example.com
              action: order_status_checked|order_tracked order_number=1002
              reply has: 1Z
            """;

    @LocalServerPort
    int port;

    @Test
    void aDialogueThatDescribesWhatHappensPassesAndAWrongExpectationFailsAlone() {
        // given
        List<Dialogue> dialogues = DialogueFile.parse(DIALOGUES, "test");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        // when
        Report report = DialogueEvaluation.play(
                dialogues,
                URI.create("http://127.0.0.1:" + port + "/"),
                TenancyFixtures.ADMIN_KEY,
                null,
                true,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        // then
        Verdict right = report.verdicts().get(0);
        Verdict wrong = report.verdicts().get(1);
        assertThat(right.passed()).as(log.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.held()).isTrue();
        assertThat(wrong.failures()).singleElement().satisfies(f -> {
            assertThat(f.turn()).isEqualTo(2);
            assertThat(f.expected()).isEqualTo("action: order_status_checked|order_tracked order_number=1002");
            assertThat(f.observed()).contains("(executed, #1001)");
        });
        assertThat(report.passed(Dialogue.Kind.ORDINARY)).isEqualTo(1);
        assertThat(report.json()).contains("\"ordinary\":{\"n\":2,\"passed\":1,\"pass_rate\":0.500,\"held\":2}");
        // every assistant turn's stages, as the server timed them, and their percentiles in the figures
        assertThat(report.timings())
                .isNotEmpty()
                .allSatisfy(turn -> assertThat(turn).containsKeys("understand", "decide", "total"));
        assertThat(report.stagePercentiles().get("total")[1])
                .isGreaterThanOrEqualTo(report.stagePercentiles().get("total")[0]);
        assertThat(report.json()).contains("\"turn_ms\":{").contains("\"total\":{\"p50\":");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("PASS status-then-email")
                .contains("FAIL status-then-email-wrongly-expected")
                .contains("> it's jane@example.com");
    }

    @Test
    void theDevSuiteReadsWithoutAMistakeAndHasBothKinds() throws Exception {
        List<Dialogue> suite = DialogueFile.read(Path.of("..").resolve(DialogueEvaluation.DEFAULT_SUITE));

        assertThat(suite.stream().filter(d -> d.kind() == Dialogue.Kind.ORDINARY))
                .isNotEmpty();
        assertThat(suite.stream().filter(d -> d.kind() == Dialogue.Kind.SAFETY)).isNotEmpty();
    }

    @Test
    void theShopperVoiceSetReadsWithoutAMistakeAndStaysOutOfTheDevSuite() throws Exception {
        Path style = Path.of("..").resolve(DialogueEvaluation.DEFAULT_SUITE).resolveSibling("dialogues-style");
        List<Dialogue> voiced = DialogueFile.read(style);
        List<String> dev = DialogueFile.read(Path.of("..").resolve(DialogueEvaluation.DEFAULT_SUITE)).stream()
                .map(Dialogue::id)
                .toList();

        assertThat(voiced).hasSizeGreaterThanOrEqualTo(30);
        assertThat(voiced).extracting(Dialogue::id).doesNotContainAnyElementsOf(dev);
    }
}
