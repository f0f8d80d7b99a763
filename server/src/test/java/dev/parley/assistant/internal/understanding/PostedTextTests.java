package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostedTextTests {

    @Test
    void leavesOutHandlesLinksAndRetweetMarks() {
        assertThat(PostedText.plain("RT @SkyLine: @Ana_B my bag is lost https://t.co/Ab3dE9 see www.example.com/x"))
                .isEqualTo("my bag is lost see");
    }

    @Test
    void keepsEmailAddressesEmojiAndPunctuation() {
        assertThat(PostedText.plain("@Shop write to me at ana@example.com!! 😡"))
                .isEqualTo("write to me at ana@example.com!! 😡");
    }

    @Test
    void readsHashtagsAsTheirWords() {
        assertThat(PostedText.plain("delayed again #NeverAgain #fail #worst_airline"))
                .isEqualTo("delayed again Never Again fail worst airline");
    }

    @Test
    void decodesHtmlEntitiesAndShortensDrawnOutLetters() {
        assertThat(PostedText.plain("bags &amp; seats sooooo bad, noooo")).isEqualTo("bags & seats soo bad, noo");
        assertThat(PostedText.plain("good food, too")).isEqualTo("good food, too");
    }

    @Test
    void putsBackWordsThatAFindAndReplaceMangled() {
        assertThat(PostedText.plain("@Air my flight was Cancelled Flightled and the next is Late Flight"))
                .isEqualTo("my flight was cancelled and the next is late");
        assertThat(PostedText.plain("landing Late Flightr than planned")).isEqualTo("landing later than planned");
    }

    @Test
    void keepsAMessageThatIsOnlyAHandle() {
        assertThat(PostedText.plain("@SkyLine")).isEqualTo("@SkyLine");
        assertThat(PostedText.plain("  ")).isEmpty();
    }
}
