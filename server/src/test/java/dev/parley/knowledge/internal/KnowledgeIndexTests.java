package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.knowledge.SearchHit;
import dev.parley.knowledge.SearchQuery;
import dev.parley.platform.Mode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A search asked again of an unchanged index is answered from memory; any change of the index is searched afresh. */
class KnowledgeIndexTests {

    final KnowledgeIndex index = KnowledgeIndex.inMemory();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void aSearchAskedAgainOfTheSameIndexIsRememberedUntilTheIndexChangesOrForgets() {
        // given
        index.replaceSource("art_1", List.of(chunk("chk_1", "art_1", "Shipping to Canada takes five days.", 0)));
        index.refresh();
        SearchQuery asked = SearchQuery.of("shipping to canada", 3);
        float[] vector = unit(0);

        // when
        List<SearchHit> first = index.search("ws_1", Mode.LIVE, asked, vector);
        List<SearchHit> again = index.search("ws_1", Mode.LIVE, asked, vector);
        List<SearchHit> otherVector = index.search("ws_1", Mode.LIVE, asked, unit(1));
        List<SearchHit> otherWorkspace = index.search("ws_2", Mode.LIVE, asked, vector);
        List<SearchHit> testMode = index.search("ws_1", Mode.TEST, asked, vector);
        index.replaceSource("art_2", List.of(chunk("chk_2", "art_2", "Shipping to Canada is free over $50.", 1)));
        index.refresh();
        List<SearchHit> afterChange = index.search("ws_1", Mode.LIVE, asked, vector);
        index.forgetAsked();
        List<SearchHit> afterForgetting = index.search("ws_1", Mode.LIVE, asked, vector);

        // then
        assertThat(first).extracting(SearchHit::chunkId).containsExactly("chk_1");
        assertThat(again).isSameAs(first);
        assertThat(otherVector)
                .isNotSameAs(first)
                .extracting(SearchHit::chunkId)
                .containsExactly("chk_1");
        assertThat(otherVector.getFirst().similarity())
                .isNotEqualTo(first.getFirst().similarity());
        assertThat(otherWorkspace).isEmpty();
        assertThat(testMode).isEmpty();
        assertThat(afterChange).extracting(SearchHit::chunkId).containsExactlyInAnyOrder("chk_1", "chk_2");
        assertThat(afterForgetting).isNotSameAs(afterChange).isEqualTo(afterChange);
    }

    private static KnowledgeIndex.IndexedChunk chunk(String id, String source, String text, int axis) {
        return new KnowledgeIndex.IndexedChunk(
                id, source, "ws_1", Mode.LIVE, "article", null, List.of(), "Shipping", null, text, null, unit(axis));
    }

    private static float[] unit(int axis) {
        float[] vector = new float[384];
        vector[axis] = 1;
        return vector;
    }
}
