package dev.parley.knowledge.internal;

import dev.parley.knowledge.Articles;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ConsoleArticles implements Articles {

    private final KnowledgeSources sources;

    ConsoleArticles(KnowledgeSources sources) {
        this.sources = sources;
    }

    @Override
    public List<Article> list(Caller caller) {
        caller.require(Scope.KNOWLEDGE_READ);
        KnowledgeRows.Filter filter = new KnowledgeRows.Filter(List.of("api"), "article", null, null, null, null);
        return sources.list(caller, filter, new PageQuery(1, PageQuery.MAX_PER_PAGE)).data().stream()
                .map(s -> article(s, sources.indexed(s)))
                .toList();
    }

    @Override
    public Article get(Caller caller, String articleId) {
        caller.require(Scope.KNOWLEDGE_READ);
        KnowledgeSource source = find(caller, articleId);
        return article(source, sources.indexed(source));
    }

    @Override
    public Article create(Caller caller, ArticleDraft draft) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        return saved(sources.create(caller.workspaceId(), caller.mode(), "api", draft(draft)));
    }

    @Override
    public Article update(Caller caller, String articleId, ArticleDraft draft) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        find(caller, articleId);
        return saved(sources.update(caller.workspaceId(), caller.mode(), articleId, draft(draft)));
    }

    @Override
    public void delete(Caller caller, String articleId) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        find(caller, articleId);
        sources.delete(caller.workspaceId(), caller.mode(), articleId);
    }

    private KnowledgeSource find(Caller caller, String articleId) {
        KnowledgeSource source = sources.get(caller.workspaceId(), caller.mode(), articleId);
        if (!source.kind().equals("article")) {
            throw ApiException.notFound("article", articleId);
        }
        return source;
    }

    private static KnowledgeSources.Draft draft(ArticleDraft draft) {
        return new KnowledgeSources.Draft(
                "article",
                draft.title(),
                draft.content(),
                null,
                draft.category(),
                draft.tags(),
                null,
                draft.status(),
                null,
                null);
    }

    private static Article saved(KnowledgeSources.Saved saved) {
        return article(saved.source(), saved.indexed());
    }

    private static Article article(KnowledgeSource s, boolean indexed) {
        return new Article(
                s.id(),
                s.title(),
                s.content(),
                s.category(),
                s.tags(),
                s.status(),
                indexed,
                s.chunkCount(),
                s.updatedAt());
    }
}
