package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapSegmentsTests {

    @Test
    void makesAHeapSegmentOfEveryElementType() {
        // when
        List<Object> segments = HeapSegments.load();

        // then: seven kinds of heap segment, one per primitive array type a segment can wrap
        assertThat(segments)
                .extracting(segment -> segment.getClass().getName())
                .hasSize(7)
                .doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("jdk.internal.foreign.HeapMemorySegmentImpl$Of"));
    }
}
