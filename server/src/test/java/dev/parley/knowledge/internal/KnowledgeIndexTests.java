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

    @Test
    void aTieInRankGoesToThePassageNearerInMeaningWhateverOrderTheChunksWereIndexedIn() {
        // given two passages of one workspace: one first by its words, the other first by its meaning, so their fused
        // scores tie exactly (1/61 + 1/62 either way)
        float[] asked = unit(0);
        KnowledgeIndex.IndexedChunk byWords = chunk("chk_words", "art_words", "Shipping shipping shipping.", 1);
        KnowledgeIndex.IndexedChunk byMeaning = new KnowledgeIndex.IndexedChunk(
                "chk_meaning",
                "art_meaning",
                "ws_1",
                Mode.LIVE,
                "article",
                null,
                List.of(),
                "Delivery",
                null,
                "We deliver to shipping addresses in the US and Canada.",
                null,
                unit(0));
        SearchQuery query = SearchQuery.of("shipping", 2);
        index.replaceSource("art_words", List.of(byWords));
        index.replaceSource("art_meaning", List.of(byMeaning));
        index.refresh();

        // when the two are searched, and again after the first is indexed again (as the sync re-applies a change)
        List<SearchHit> first = index.search("ws_1", Mode.LIVE, query, asked);
        index.replaceSource("art_words", List.of(byWords));
        index.refresh();
        List<SearchHit> again = index.search("ws_1", Mode.LIVE, query, asked);

        // then they tie, and the one nearer in meaning leads both times
        assertThat(first)
                .extracting(SearchHit::score)
                .containsExactly(first.getFirst().score(), first.getFirst().score());
        assertThat(first).extracting(SearchHit::chunkId).containsExactly("chk_meaning", "chk_words");
        assertThat(again).extracting(SearchHit::chunkId).containsExactly("chk_meaning", "chk_words");
    }

    @Test
    void aWorkspacesKeywordRankingDependsOnItsOwnLiveChunksAloneNotOnAnotherWorkspacesOrOnDeletedOnes() {
        // given a workspace whose first article says "ship" twice, its second "order" once
        index.replaceSource("art_ship", List.of(chunk("chk_ship", "art_ship", "Ship ship parcel.", 0)));
        index.replaceSource("art_order", List.of(chunk("chk_order", "art_order", "Order parcel.", 1)));
        index.refresh();
        List<String> alone = index.keywordMatches("ws_1", Mode.LIVE, "ship order", 5);
        List<SearchHit> searched = index.search("ws_1", Mode.LIVE, SearchQuery.of("ship order", 2), unit(0));

        // when another workspace has many chunks saying "ship" (which makes the word common in the whole index), and
        // the first article is indexed again and again (its old chunks deleted, not yet merged away)
        for (int i = 0; i < 30; i++) {
            index.replaceSource(
                    "other_" + i,
                    List.of(new KnowledgeIndex.IndexedChunk(
                            "other_chk_" + i,
                            "other_" + i,
                            "ws_2",
                            Mode.LIVE,
                            "article",
                            null,
                            List.of(),
                            "Shipping",
                            null,
                            "We ship every day.",
                            null,
                            unit(2))));
            index.replaceSource("art_ship", List.of(chunk("chk_ship", "art_ship", "Ship ship parcel.", 0)));
        }
        index.refresh();

        // then the first workspace ranks its chunks as it did alone, by its own words
        assertThat(alone).containsExactly("art_ship", "art_order");
        assertThat(index.keywordMatches("ws_1", Mode.LIVE, "ship order", 5)).isEqualTo(alone);
        assertThat(index.search("ws_1", Mode.LIVE, SearchQuery.of("ship order", 2), unit(0)))
                .extracting(SearchHit::chunkId, SearchHit::score)
                .isEqualTo(searched.stream()
                        .map(hit -> org.assertj.core.groups.Tuple.tuple(hit.chunkId(), hit.score()))
                        .toList());
        assertThat(index.keywordMatches("ws_2", Mode.LIVE, "ship order", 50)).hasSize(30);
    }

    @Test
    void aWorkspacesOwnNewChunksAreCountedInItsKeywordStatisticsFromTheNextSearchOn() {
        // given a workspace where "ship" is as rare as "order", counted by a first search
        index.replaceSource("art_ship", List.of(chunk("chk_ship", "art_ship", "Ship ship parcel.", 0)));
        index.replaceSource("art_order", List.of(chunk("chk_order", "art_order", "Order parcel.", 1)));
        index.refresh();
        List<String> before = index.keywordMatches("ws_1", Mode.LIVE, "ship order", 1);

        // when the workspace itself writes thirty chunks saying "ship", so the word tells little in it
        for (int i = 0; i < 30; i++) {
            index.replaceSource("daily_" + i, List.of(chunk("daily_chk_" + i, "daily_" + i, "We ship every day.", 2)));
        }
        index.refresh();

        // then the rare word leads: the statistics were counted again for the changed index, not remembered
        assertThat(before).containsExactly("art_ship");
        assertThat(index.keywordMatches("ws_1", Mode.LIVE, "ship order", 1)).containsExactly("art_order");
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
