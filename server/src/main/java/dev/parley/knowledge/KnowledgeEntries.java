package dev.parley.knowledge;

import dev.parley.platform.Caller;
import java.time.Instant;
import java.util.List;

/**
 * Training data and imported documents, for the console: what {@code /v1/training} and
 * {@code /v1/knowledge-base/documents} take, through their own checks.
 */
public interface KnowledgeEntries {

    /** @param kind faq, product, policy, guide, custom, or document */
    record Entry(String id, String kind, String title, boolean indexed, int chunkCount, Instant updatedAt) {}

    /**
     * @param type faq, product, policy, guide or custom
     * @throws dev.parley.platform.ApiException {@code missing_field} or {@code invalid_field} naming what is wrong
     */
    Entry addTraining(Caller caller, String type, String title, String content);

    /**
     * Imports a document (PDF, DOCX, HTML, Markdown or text; the type sniffed from the bytes and name).
     *
     * @throws dev.parley.platform.ApiException {@code missing_field} for an empty file, or the import's own refusals
     */
    Entry importDocument(Caller caller, byte[] bytes, String filename, String contentType);

    /** Training entries and documents, the most recently changed first, up to 100. */
    List<Entry> list(Caller caller);
}
