package dev.parley.knowledge;

import dev.parley.platform.Mode;
import java.util.List;

/** Hybrid search over one workspace's published knowledge, never another's. */
public interface KnowledgeSearch {

    List<SearchHit> search(String workspaceId, Mode mode, SearchQuery query);
}
