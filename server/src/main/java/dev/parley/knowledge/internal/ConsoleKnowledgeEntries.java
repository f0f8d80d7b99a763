package dev.parley.knowledge.internal;

import dev.parley.knowledge.KnowledgeEntries;
import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ConsoleKnowledgeEntries implements KnowledgeEntries {

    private final KnowledgeSources sources;
    private final DocumentController documents;

    ConsoleKnowledgeEntries(KnowledgeSources sources, DocumentController documents) {
        this.sources = sources;
        this.documents = documents;
    }

    @Override
    public Entry addTraining(Caller caller, String type, String title, String content) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        KnowledgeSources.Draft draft =
                new TrainingController.TrainingRequest(type, null, title, content, null).draft(true);
        return entry(sources.create(caller.workspaceId(), caller.mode(), "training", draft));
    }

    @Override
    public Entry importDocument(Caller caller, byte[] bytes, String filename, String contentType) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        return entry(documents.imported(
                caller, new DocumentController.Upload(bytes, filename, contentType, null, null, null, null)));
    }

    @Override
    public List<Entry> list(Caller caller) {
        caller.require(Scope.KNOWLEDGE_READ);
        KnowledgeRows.Filter filter =
                new KnowledgeRows.Filter(List.of("training", "import"), null, null, null, null, null);
        return sources.list(caller, filter, new PageQuery(1, PageQuery.MAX_PER_PAGE)).data().stream()
                .map(s -> new Entry(s.id(), s.kind(), s.title(), sources.indexed(s), s.chunkCount(), s.updatedAt()))
                .toList();
    }

    private static Entry entry(KnowledgeSources.Saved saved) {
        KnowledgeSource s = saved.source();
        return new Entry(s.id(), s.kind(), s.title(), saved.indexed(), s.chunkCount(), s.updatedAt());
    }
}
