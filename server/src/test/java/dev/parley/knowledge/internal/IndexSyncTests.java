package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.knowledge.SearchQuery;
import dev.parley.platform.Caller;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.ApiTest;
import dev.parley.tenancy.internal.TenancyFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index is a copy of the database: it rebuilds without re-embedding and follows writes made by other nodes, but
 * does not index again what this node wrote and indexed itself.
 */
@ApiTest
@Tag("database")
class IndexSyncTests {

    @Autowired
    KnowledgeSources sources;

    @Autowired
    KnowledgeRows knowledgeRows;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    IndexSync sync;

    @Autowired
    Embedder embedder;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TenancyFixtures fixtures;

    @Test
    void rebuildsALostIndexFromTheDatabase() {
        Caller caller = caller(fixtures.workspace().id());
        sources.create(
                caller.workspaceId(),
                caller.mode(),
                "api",
                draft("Lost and found", "Umbrellas left in store are kept for 60 days."));
        index.deleteAll();
        index.refresh();
        assertThat(search(caller, "forgotten umbrella")).isEmpty();

        sync.rebuild();

        assertThat(search(caller, "forgotten umbrella")).isNotEmpty();
    }

    @Test
    void picksUpKnowledgeWrittenByAnotherNode() {
        Caller caller = caller(fixtures.workspace().id());
        // given a source written straight to the database, as another node's write leaves it
        Instant now = Instant.now();
        KnowledgeSource source = new KnowledgeSource(
                Ids.next("kb"),
                caller.workspaceId(),
                Mode.LIVE,
                "article",
                "api",
                "Gift wrapping",
                "We wrap gifts in recycled paper for two dollars.",
                "markdown",
                null,
                List.of(),
                Map.of(),
                "published",
                null,
                null,
                1,
                now,
                now);
        transactions.executeWithoutResult(status -> {
            knowledgeRows.insert(source);
            knowledgeRows.replaceChunks(
                    source,
                    List.of(new StoredChunk(
                            Ids.next("chunk"),
                            source.id(),
                            0,
                            "",
                            source.content(),
                            embedder.embed(source.content()))));
            knowledgeRows.recordChange(caller.workspaceId(), source.id(), now);
        });
        assertThat(index.chunkCount(source.id())).isZero();

        // when this node polls the change feed
        sync.poll();

        // then
        assertThat(search(caller, "gift wrap paper"))
                .extracting(h -> h.sourceId())
                .contains(source.id());
    }

    @Test
    void skipsAChangeThisNodeHasIndexedItself() {
        Caller caller = caller(fixtures.workspace().id());
        String found;
        synchronized (sync) { // the background poll waits meanwhile
            // given: a source this node wrote and indexed, whose chunk then changed behind the feed's back, so that
            // indexing it again would show
            KnowledgeSource source = sources.create(
                            caller.workspaceId(),
                            caller.mode(),
                            "api",
                            draft("Lost and found", "Umbrellas left in store are kept for 60 days."))
                    .source();
            rewriteChunk(source, "Bicycles left in store are kept for 90 days.");

            // when
            sync.poll();

            found = texts(caller, "forgotten umbrella");
        }

        // then: the index holds what this node indexed when it wrote the source
        assertThat(found).contains("Umbrellas").doesNotContain("Bicycles");
    }

    @Test
    void appliesAnotherNodesLaterChangeToASourceThisNodeWrote() {
        Caller caller = caller(fixtures.workspace().id());
        synchronized (sync) {
            // given: this node's write, then another node's to the same source
            KnowledgeSource source = sources.create(
                            caller.workspaceId(),
                            caller.mode(),
                            "api",
                            draft("Lost and found", "Umbrellas left in store are kept for 60 days."))
                    .source();
            transactions.executeWithoutResult(status -> {
                rewriteChunk(source, "Umbrellas left in store are now kept for 90 days.");
                knowledgeRows.recordChange(caller.workspaceId(), source.id(), Instant.now());
            });

            // when
            sync.poll();
        }

        // then
        assertThat(texts(caller, "forgotten umbrella")).contains("90 days").doesNotContain("60 days");
    }

    /** The source's one chunk replaced in the database, as a write would leave it, but with no change recorded. */
    private void rewriteChunk(KnowledgeSource source, String text) {
        knowledgeRows.replaceChunks(
                source, List.of(new StoredChunk(Ids.next("chunk"), source.id(), 0, "", text, embedder.embed(text))));
    }

    private String texts(Caller caller, String query) {
        List<dev.parley.knowledge.SearchHit> hits = search(caller, query);
        assertThat(hits).isNotEmpty();
        return String.join("\n", hits.stream().map(h -> h.text()).toList());
    }

    private List<dev.parley.knowledge.SearchHit> search(Caller caller, String query) {
        return sources.search(caller.workspaceId(), caller.mode(), SearchQuery.of(query, 5));
    }

    private static Caller caller(String workspaceId) {
        return new Caller(
                workspaceId, Mode.LIVE, "key_test", Caller.KeyKind.SECRET, Set.of(Scope.KNOWLEDGE_WRITE), 0, null);
    }

    private static KnowledgeSources.Draft draft(String title, String content) {
        return new KnowledgeSources.Draft("article", title, content, null, null, null, null, null, null, null);
    }
}
