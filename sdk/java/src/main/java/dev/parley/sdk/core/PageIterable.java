package dev.parley.sdk.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list call: loop over it for every item of every page, each page fetched only when the loop reaches it
 * ({@code for (Conversation c : parley.conversations().list(params))}), or take {@link #firstPage()} or
 * {@link #pages()}. Nothing is fetched until it is asked for; each iteration starts again from the first page.
 */
public final class PageIterable<T> implements Iterable<T> {
    private final Supplier<Page<T>> first;
    private final Function<Page<T>, Page<T>> next;

    /**
     * @param first fetches the first page
     * @param next fetches the page after the one given, or returns null when that one was the last
     */
    public PageIterable(Supplier<Page<T>> first, Function<Page<T>, Page<T>> next) {
        this.first = first;
        this.next = next;
    }

    /** The first page (one request). */
    public Page<T> firstPage() {
        return first.get();
    }

    /** Every page, the first included, each fetched when the loop reaches it. */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    /** The items as a sequential stream, pages fetched as the stream is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** The items of every page in one list, stopping after {@code limit} items. */
    public List<T> toList(int limit) {
        List<T> items = new ArrayList<>();
        Iterator<T> it = iterator();
        while (items.size() < limit && it.hasNext()) {
            items.add(it.next());
        }
        return items;
    }

    /** The items of every page in one list (at most 10 000). */
    public List<T> toList() {
        return toList(10_000);
    }

    /** Walks the pages: the first on the first {@code hasNext}, each following one only once asked for. */
    private final class PageIterator implements Iterator<Page<T>> {
        private Page<T> last;
        private Page<T> upcoming;
        private boolean finished;

        @Override
        public boolean hasNext() {
            if (upcoming == null && !finished) {
                if (last == null) {
                    upcoming = first.get();
                } else {
                    upcoming = last.data().isEmpty() ? null : next.apply(last);
                }
                finished = upcoming == null;
            }
            return upcoming != null;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            last = upcoming;
            upcoming = null;
            return last;
        }
    }

    /** Walks the pages: the first on the first {@code hasNext}, each following one when the previous is used up. */
    private final class ItemIterator implements Iterator<T> {
        private Page<T> page;
        private int index;
        private boolean finished;

        @Override
        public boolean hasNext() {
            while (!finished) {
                if (page == null) {
                    page = first.get();
                    index = 0;
                } else if (index < page.data().size()) {
                    return true;
                } else {
                    Page<T> following = page.data().isEmpty() ? null : next.apply(page);
                    if (following == null) {
                        finished = true;
                    } else {
                        page = following;
                        index = 0;
                    }
                }
            }
            return false;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.data().get(index++);
        }
    }
}
