package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MisspellingsTests {

    private final Misspellings standard = Misspellings.standard();

    @Test
    void mendsTheShopWordsOfARequestButNoRealWordOrAddress() {
        assertThat(standard.corrected("pls cancle my ordr 1004 alex@example.com"))
                .isEqualTo("pls cancel my order 1004 alex@example.com");
        assertThat(standard.corrected("hiya cn u tell me wher my pakage is"))
                .isEqualTo("hiya cn u tell me where my package is");
        assertThat(standard.corrected("need to chnage my delivery adress"))
                .isEqualTo("need to change my delivery address");
        assertThat(standard.corrected("Ordr 1001")).isEqualTo("Order 1001");
        assertThat(standard.corrected("WHERE IS MY REFUDN")).isEqualTo("WHERE IS MY REFUND");
        // real words near ours, and the words of an email address or a link, stay as they are
        String untouched = "we were here at the border, ordr@example.com and https://shop.example/retrun";
        assertThat(standard.corrected(untouched)).isEqualTo(untouched);
        assertThat(standard.corrected("my cancer treatment")).isEqualTo("my cancer treatment");
    }

    @Test
    void mendsWordsTheModelsVocabularyLacksFromTheShopWordsOfTheExamples() {
        // "refund", "invoice" and "voucher" are no whole words of the embedding model, but the examples use them
        assertThat(standard.correction("refudn")).isEqualTo("refund");
        assertThat(standard.correction("invocie")).isEqualTo("invoice");
        assertThat(standard.correction("refund")).isNull();
        assertThat(standard.correction("invoice")).isNull();
    }

    @Test
    void twoSlipsOnlyInLongWords() {
        assertThat(standard.correction("cnacle")).isEqualTo("cancel");
        assertThat(standard.correction("reciept")).isEqualTo("receipt");
        // four or five letters: one slip at most
        assertThat(standard.correction("ordre")).isEqualTo("order");
        assertThat(standard.correction("oderr")).isNull();
    }

    @Test
    void leavesAMessageInAnotherLanguageAsItIs() {
        String uzbek = "Buyurtmam qayerda, kuryer hali kelmadi, iltimos tekshiring";
        assertThat(standard.corrected(uzbek)).isEqualTo(uzbek);
    }

    @Test
    void theNearerWordWinsThenTheMoreCommon() {
        Misspellings shop =
                new Misspellings(List.of(), List.of("parcel parcel parcel", "carcel carcel carcel carcel carcel"));
        // one slip from "parcel", two from the more common "carcel"
        assertThat(shop.correction("parcell")).isEqualTo("parcel");
        // one slip from each: the more common
        assertThat(shop.correction("xarcel")).isEqualTo("carcel");
        // a word used fewer than three times in the examples is no shop word
        assertThat(new Misspellings(List.of(), List.of("recieve recieve")).correction("recieve"))
                .isNull();
    }

    @Test
    void countsEditsAsMissingExtraChangedOrSwappedLetters() {
        assertThat(Misspellings.distance("cancle", "cancel", 2)).isEqualTo(1);
        assertThat(Misspellings.distance("cancel", "cancel", 2)).isZero();
        assertThat(Misspellings.distance("cnacle", "cancel", 2)).isEqualTo(2);
        assertThat(Misspellings.distance("ordr", "order", 1)).isEqualTo(1);
        assertThat(Misspellings.distance("xyz", "order", 1)).isEqualTo(2);
    }
}
