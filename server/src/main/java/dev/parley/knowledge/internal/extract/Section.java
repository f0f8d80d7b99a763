package dev.parley.knowledge.internal.extract;

import java.util.List;

/**
 * A run of a page's main text under one heading, with the headings above it (h1 to h4, outermost first) so chunks
 * keep their context; text before the first heading has an empty path. Paragraphs and list items are separate lines.
 */
public record Section(List<String> headingPath, String text) {

    public Section {
        headingPath = List.copyOf(headingPath);
    }
}
