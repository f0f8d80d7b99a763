package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.KnowledgeIndex.IndexedChunk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index in step with the database. A new or lost index is rebuilt from the stored chunks (no
 * re-embedding); after that, the change feed is polled every second, so a source written on another node becomes
 * searchable here too. A change this node wrote is indexed as soon as it commits, so the feed skips it rather than
 * write the same chunks again (and leave the replaced ones as deleted documents until a merge); a later change to the
 * same source is applied as any other. The feed position is saved in each index commit. Sequence numbers can commit
 * out of order, so a gap is waited for a while before it is taken to be a rolled-back write.
 */
@Component
class IndexSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    private static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
    private static final int LOCK_STRIPES = 64;

    private final KnowledgeIndex index;
    private final KnowledgeRows knowledgeRows;
    private final Clock clock;
    private final KnowledgeProperties properties;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final Set<Long> appliedAhead = new HashSet<>();
    /** Changes this node wrote and indexed itself, by feed position; each is dropped when the feed passes it. */
    private final Set<Long> appliedHere = ConcurrentHashMap.newKeySet();

    private final Map<Long, Instant> gapSeen = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile long watermark;
    private volatile boolean running;

    IndexSync(KnowledgeIndex index, KnowledgeRows knowledgeRows, Clock clock, KnowledgeProperties properties) {
        this.index = index;
        this.knowledgeRows = knowledgeRows;
        this.clock = clock;
        this.properties = properties;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public void start() {
        long committed = index.committedSeq();
        if (committed < 0 || (index.size() == 0 && knowledgeRows.lastChange() > 0)) {
            rebuild();
        } else {
            watermark = committed;
            poll();
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("index-sync").factory());
        long every = properties.syncInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::commitSafely, 10, 10, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        commitSafely();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Rebuilds the whole index from the database, as after a loss of the index directory. */
    void rebuild() {
        long upTo = knowledgeRows.lastChange();
        long started = System.nanoTime();
        index.deleteAll();
        String after = "";
        int sources = 0;
        while (true) {
            List<String> ids = knowledgeRows.sourceIdsAfter(after, 500);
            if (ids.isEmpty()) {
                break;
            }
            ids.forEach(this::reindex);
            sources += ids.size();
            after = ids.getLast();
        }
        index.refresh();
        index.commit(upTo);
        synchronized (this) {
            watermark = upTo;
            appliedAhead.clear();
            gapSeen.clear();
            appliedHere.removeIf(seq -> seq <= upTo);
        }
        log.info(
                "Rebuilt the knowledge index: {} sources in {} ms", sources, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Puts one source's current state into the index (or takes it out), and makes it searchable, after this node
     * committed change {@code seq} of it. What is read here is that change or a later one, so the feed need not apply
     * it again; should this fail, the feed does.
     */
    void reindexNow(String sourceId, long seq) {
        reindex(sourceId);
        index.refresh();
        appliedHere.add(seq);
        if (seq <= watermark) {
            // the feed went past it meanwhile (and applied it)
            appliedHere.remove(seq);
        }
    }

    private void reindex(String sourceId) {
        synchronized (locks[Math.floorMod(sourceId.hashCode(), LOCK_STRIPES)]) {
            Optional<KnowledgeSource> source = knowledgeRows.findForIndex(sourceId);
            if (source.isEmpty() || !source.get().published()) {
                index.deleteSource(sourceId);
                return;
            }
            KnowledgeSource s = source.get();
            List<IndexedChunk> chunks = knowledgeRows.chunks(sourceId).stream()
                    .map(c -> new IndexedChunk(
                            c.id(),
                            s.id(),
                            s.workspaceId(),
                            s.mode(),
                            s.kind(),
                            s.category(),
                            s.tags(),
                            s.title(),
                            c.heading(),
                            c.text(),
                            s.url(),
                            c.vector()))
                    .toList();
            index.replaceSource(sourceId, chunks);
        }
    }

    /** Applies the changes written since the last poll by other nodes, and any this node wrote but did not index. */
    synchronized void poll() {
        List<KnowledgeRows.Change> changes = knowledgeRows.changesAfter(watermark, 1000);
        if (changes.isEmpty()) {
            return;
        }
        long next = watermark + 1;
        boolean contiguous = true;
        Instant now = clock.instant();
        for (KnowledgeRows.Change change : changes) {
            boolean applied = appliedHere.remove(change.seq()) || appliedAhead.contains(change.seq());
            if (!applied) {
                reindex(change.sourceId());
            }
            if (contiguous && change.seq() != next) {
                Instant seen = gapSeen.computeIfAbsent(next, s -> now);
                if (seen.plus(GAP_PATIENCE).isBefore(now)) {
                    gapSeen.remove(next);
                } else {
                    contiguous = false;
                }
            }
            if (contiguous) {
                watermark = change.seq();
                next = change.seq() + 1;
            } else {
                appliedAhead.add(change.seq());
            }
        }
        appliedAhead.removeIf(seq -> seq <= watermark);
        appliedHere.removeIf(seq -> seq <= watermark);
        index.refresh();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Knowledge index sync failed; retrying", e);
        }
    }

    private void commitSafely() {
        try {
            index.commit(watermark);
        } catch (RuntimeException e) {
            log.warn("Knowledge index commit failed", e);
        }
    }

    long watermark() {
        return watermark;
    }
}
