package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCsvTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = "id,label,text\r\n"
                + "1,order_status,where is my order\r\n"
                + "2,complaint,\"it's broken, and \"\"new\"\"\"\r\n"
                + "3,greeting,\"hello\nthere\"\n"
                + "\n";

        assertThat(LabelledCsv.parse(csv))
                .containsExactly(
                        new LabelledText("where is my order", "order_status"),
                        new LabelledText("it's broken, and \"new\"", "complaint"),
                        new LabelledText("hello\nthere", "greeting"));
    }

    @Test
    void writesWhatItReads(@TempDir Path directory) throws Exception {
        List<LabelledText> rows = List.of(new LabelledText("a, \"b\"\nc", "x"), new LabelledText("plain", "y"));

        LabelledCsv.write(directory.resolve("rows.csv"), rows);

        assertThat(LabelledCsv.read(directory.resolve("rows.csv"))).isEqualTo(rows);
    }

    @Test
    void readsTheLabelFromACategoryColumnAsBanking77sFilesNameIt() {
        String csv =
                "text,category\n\"my new card has not come, where is it?\",card_arrival\nthe top-up did not go through,top_up_failed\n";

        assertThat(LabelledCsv.parse(csv))
                .containsExactly(
                        new LabelledText("my new card has not come, where is it?", "card_arrival"),
                        new LabelledText("the top-up did not go through", "top_up_failed"));
    }

    @Test
    void needsTextAndLabelColumns() {
        assertThatIllegalArgumentException().isThrownBy(() -> LabelledCsv.parse("sentence,score\nhi,1\n"));
    }
}
