package dev.parley.knowledge.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * One heap memory segment of each element type, made before the knowledge index is opened.
 *
 * <p>Lucene reads the index through memory segments. While the JVM has met only native segments, the JIT compiles
 * Lucene's index reading and vector code assuming every segment is native. The first heap segment made anywhere in
 * the process breaks that assumption (Jackson makes one to parse a decimal number, as in a stored message's
 * analysis), and about a hundred compiled methods of the search are thrown away and compiled again while turns wait
 * (docs/benchmarks.md, session 11). With every kind loaded before the search is first compiled, the assumption is
 * never made.
 *
 * <p>By reflection: the build targets Java 21, where {@code java.lang.foreign} is still a preview API for javac.
 */
final class HeapSegments {

    private static final List<Class<?>> ELEMENTS =
            List.of(byte.class, char.class, short.class, int.class, long.class, float.class, double.class);

    private HeapSegments() {}

    /**
     * Makes an empty heap segment of each element type, which loads its class; the segments, for tests. None where the
     * JVM has no {@code MemorySegment}: nothing then assumes anything about it.
     */
    static List<Object> load() {
        List<Object> segments = new ArrayList<>();
        try {
            Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
            for (Class<?> element : ELEMENTS) {
                Object array = Array.newInstance(element, 0);
                segments.add(segment.getMethod("ofArray", array.getClass()).invoke(null, array));
            }
        } catch (ReflectiveOperationException | LinkageError unavailable) {
            return List.of();
        }
        return segments;
    }
}
