package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.ProductPage;
import dev.parley.knowledge.TextEmbeddings;
import dev.parley.platform.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Product search by meaning, the one engine behind {@code POST /v1/products/search} and the assistant's
 * {@code search_products}: the connected store's catalogue in a {@link CatalogueIndex}, searched with what a
 * {@link ProductAsk} reads from the request. The demo store's catalogue is indexed once for all workspaces; a Shopify
 * or WooCommerce catalogue is read from the store ({@link StoreConnector#catalogue()}) and indexed per workspace, and
 * read again after {@link #CATALOGUE_TTL}.
 */
@Service
class ProductSearch {

    static final Duration CATALOGUE_TTL = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(ProductSearch.class);

    private record Indexed(CatalogueIndex index, String connectionKey, Instant readAt) {}

    private final StoreConnections connections;
    private final TextEmbeddings embeddings;
    private final Clock clock;
    private final Map<String, Indexed> remote = new ConcurrentHashMap<>();

    /**
     * The demo catalogue's index: the catalogue is the same everywhere and embedding is deterministic, so one index
     * serves every workspace (and every application context in one process).
     */
    private static volatile CatalogueIndex demo;

    ProductSearch(StoreConnections connections, TextEmbeddings embeddings, Clock clock) {
        this.connections = connections;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    /** The catalogue the workspace's store has in this mode, or empty when no store answers for it. */
    Optional<CatalogueIndex> catalogue(String workspaceId, Mode mode) {
        Optional<StoreConnection> connection = connections.get(workspaceId);
        Optional<StoreConnector> store = connections.connector(workspaceId, mode);
        if (connection.isEmpty() || store.isEmpty()) {
            return Optional.empty();
        }
        if (store.get() instanceof DemoStore) {
            return Optional.of(demo());
        }
        // A test key never reaches a real store (connector is empty for it), so only live catalogues are cached.
        String key = connection.get().platform() + "|" + connection.get().baseUrl() + "|"
                + connection.get().updatedAt();
        Instant now = clock.instant();
        Indexed cached = remote.get(workspaceId);
        if (cached != null
                && cached.connectionKey().equals(key)
                && cached.readAt().plus(CATALOGUE_TTL).isAfter(now)) {
            return Optional.of(cached.index());
        }
        CatalogueIndex index = CatalogueIndex.of(store.get().catalogue(), embeddings);
        // The index it replaces may still be searched by another request; being in memory, it needs no closing.
        remote.put(workspaceId, new Indexed(index, key, now));
        return Optional.of(index);
    }

    /** Searches the workspace's catalogue; the ask's attributes are already read (see {@link ProductAsk#parse}). */
    ProductPage search(CatalogueIndex catalogue, ProductAsk ask, int limit) {
        return catalogue.search(ask, limit);
    }

    /**
     * Indexes the demo catalogue as soon as the application is up, off the request path: embedding its 320 products
     * takes a few seconds, which the first shopper would otherwise wait for.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexTheDemoCatalogue() {
        Thread.ofVirtual().name("demo-catalogue-index").start(this::demo);
    }

    private CatalogueIndex demo() {
        CatalogueIndex index = demo;
        if (index == null) {
            synchronized (ProductSearch.class) {
                if (demo == null) {
                    long started = System.nanoTime();
                    demo = CatalogueIndex.of(DemoCatalogue.products(), embeddings);
                    log.info(
                            "Indexed the demo catalogue: {} products in {} ms",
                            demo.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                index = demo;
            }
        }
        return index;
    }
}
