package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.knowledge.Articles.Article;
import dev.parley.knowledge.Articles.ArticleDraft;
import dev.parley.platform.Caller;
import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.support.NoCallersForTests;
import dev.parley.support.TestDatabase;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The knowledge module on its own: a context of this module and platform, with no tenancy, assistant, conversation
 * or commerce beans ({@link NoCallersForTests} stands in for tenancy's caller resolver, as the slice serves no
 * requests). An article written through {@link Articles} is found by meaning through
 * {@link KnowledgeSearch} in its own workspace and mode, and nowhere else; a draft is not found at all.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.OfItsOwn.class)
@Import(NoCallersForTests.class)
@Tag("database")
class KnowledgeModuleTests {

    static final String RETURNS = """
            # Sending things back
            Unworn shoes and clothes can be sent back within 30 days of delivery for a full refund to the card
            you paid with. Print the prepaid label from your account and drop the parcel at any post office.

            ## Sale items
            Anything bought in the clearance sale is final and cannot be sent back.
            """;

    static final String DELIVERY = """
            # Delivery
            Orders leave our warehouse within two working days and travel with a tracked courier.
            """;

    final Articles articles;
    final KnowledgeSearch search;
    final ApplicationContext context;

    KnowledgeModuleTests(Articles articles, KnowledgeSearch search, ApplicationContext context) {
        this.articles = articles;
        this.search = search;
        this.context = context;
    }

    @Test
    void startsWithoutTheModulesThatUseKnowledge() {
        assertThat(context.getBeanNamesForType(dev.parley.tenancy.Workspaces.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(dev.parley.assistant.Assistant.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(dev.parley.conversation.ConversationLookup.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(KnowledgeSearch.class)).isNotEmpty();
    }

    @Test
    void findsAnArticleByMeaningInItsOwnWorkspaceAndModeOnly() {
        // given
        Caller shop = caller(Ids.next("ws"), Mode.LIVE);
        Caller other = caller(Ids.next("ws"), Mode.LIVE);
        Article returns = articles.create(shop, draft("Returns", RETURNS, "published"));
        articles.create(shop, draft("Delivery", DELIVERY, "published"));
        articles.create(other, draft("Returns elsewhere", RETURNS, "published"));

        // when
        List<SearchHit> hits = search.search(
                shop.workspaceId(), shop.mode(), SearchQuery.of("can I return trainers I never wore?", 5));
        List<SearchHit> inTestMode =
                search.search(shop.workspaceId(), Mode.TEST, SearchQuery.of("can I return trainers I never wore?", 5));

        // then
        assertThat(returns.indexed()).isTrue();
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().sourceId()).isEqualTo(returns.id());
        assertThat(hits).extracting(SearchHit::title).doesNotContain("Returns elsewhere");
        assertThat(inTestMode).isEmpty();
    }

    @Test
    void keepsADraftOutOfSearchUntilItIsPublished() {
        // given
        Caller shop = caller(Ids.next("ws"), Mode.LIVE);
        Article draft = articles.create(shop, draft("Returns", RETURNS, "draft"));
        SearchQuery query = SearchQuery.of("clearance sale items", 5);

        // when
        List<SearchHit> beforePublishing = search.search(shop.workspaceId(), shop.mode(), query);
        articles.update(shop, draft.id(), draft("Returns", RETURNS, "published"));
        List<SearchHit> afterPublishing = search.search(shop.workspaceId(), shop.mode(), query);

        // then
        assertThat(beforePublishing).isEmpty();
        assertThat(afterPublishing).isNotEmpty();
        assertThat(afterPublishing.getFirst().sourceId()).isEqualTo(draft.id());
        assertThat(afterPublishing.getFirst().heading()).isEqualTo("Sending things back > Sale items");
    }

    private static ArticleDraft draft(String title, String content, String status) {
        return new ArticleDraft(title, content, "policies", List.of(), status);
    }

    private static Caller caller(String workspaceId, Mode mode) {
        return new Caller(
                workspaceId,
                mode,
                "key_module_test",
                KeyKind.SECRET,
                EnumSet.of(Scope.KNOWLEDGE_READ, Scope.KNOWLEDGE_WRITE),
                0,
                null);
    }
}
