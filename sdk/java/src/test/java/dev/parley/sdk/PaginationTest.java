package dev.parley.sdk;

import static dev.parley.sdk.FakeUpstream.Step.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sdk.core.PageIterable;
import dev.parley.sdk.model.Order;
import dev.parley.sdk.model.Params;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lists fetch their pages lazily, one request per page, as the loop reaches them. */
class PaginationTest {
    private static Map<String, Object> page(int page, int totalPages, String... ids) {
        List<Map<String, Object>> data = new java.util.ArrayList<>();
        for (String id : ids) {
            data.add(Map.of("id", id, "order_number", id));
        }
        return Map.of("data", data, "pagination", Map.of("page", page, "per_page", 2, "total_pages", totalPages));
    }

    @Test
    void pagesAreFetchedOnlyWhenTheLoopReachesThem() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(200, page(1, 3, "a", "b")), answer(200, page(2, 3, "c", "d")), answer(200, page(3, 3, "e")))) {
            PageIterable<Order> orders = fake.client().build().orders().list(Params.of("perPage", 2, "status", "open"));
            assertEquals(0, fake.requests.size(), "nothing is fetched before it is asked for");
            Iterator<Order> it = orders.iterator();
            assertTrue(it.hasNext());
            assertEquals("a", it.next().id());
            assertEquals("b", it.next().id());
            assertEquals(1, fake.requests.size(), "the second page waits until the first is used up");
            assertTrue(it.hasNext());
            assertEquals(2, fake.requests.size());
            assertEquals("c", it.next().id());
            assertEquals("d", it.next().id());
            assertEquals("e", it.next().id());
            assertFalse(it.hasNext());
            assertEquals(3, fake.requests.size(), "no request after the last page");
            assertEquals("/v1/orders?per_page=2&status=open", fake.requests.get(0).uri);
            assertEquals("/v1/orders?per_page=2&status=open&page=2", fake.requests.get(1).uri);
            assertEquals("/v1/orders?per_page=2&status=open&page=3", fake.requests.get(2).uri);
        }
    }

    @Test
    void toListStopsAtItsLimitWithoutFetchingFurtherPages() throws Exception {
        try (FakeUpstream fake =
                new FakeUpstream(answer(200, page(1, 3, "a", "b")), answer(200, page(2, 3, "c", "d")))) {
            List<Order> three = fake.client().build().orders().list(null).toList(3);
            assertEquals(
                    List.of("a", "b", "c"),
                    three.stream().map(Order::id).collect(java.util.stream.Collectors.toList()));
            assertEquals(2, fake.requests.size());
        }
    }

    @Test
    void anEmptyPageEndsTheIterationEvenWhenThePaginationSaysMore() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(answer(200, page(1, 5)))) {
            assertEquals(0, fake.client().build().orders().list(null).toList().size());
            assertEquals(1, fake.requests.size());
        }
    }

    @Test
    void seed003PaginationWithPagesIsFollowedToo() throws Exception {
        try (FakeUpstream fake = new FakeUpstream(
                answer(200, Map.of("data", List.of(Map.of("id", "c1")), "pagination", Map.of("page", 1, "pages", 2))),
                answer(
                        200,
                        Map.of("data", List.of(Map.of("id", "c2")), "pagination", Map.of("page", 2, "pages", 2))))) {
            assertEquals(
                    2,
                    fake.client()
                            .build()
                            .chats()
                            .list(Params.of("limit", 1))
                            .toList()
                            .size());
            assertEquals(2, fake.requests.size());
        }
    }
}
