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

/** The index is a copy of the database: it rebuilds without re-embedding and follows writes made by other nodes. */
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
