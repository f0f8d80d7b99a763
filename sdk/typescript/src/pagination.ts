/**
 * Lists: `page`/`per_page` with a `pagination` block (`total_pages`; seed 003's `pages`), or a cursor (`after`, with
 * `has_more`). A list call returns a {@link PageIterator}: `await` it for the first page, or `for await` over it for
 * every item of every page, fetched as the loop reaches them.
 */

/** The `pagination` block of a paged list. */
export interface Pagination {
  page: number;
  per_page?: number;
  total_pages?: number;
  total_count?: number;
  /** Seed 003's shape (`/v1/chats`). */
  limit?: number;
  pages?: number;
  total?: number;
}

/** One page of a list, as the API answers it. */
export interface Page<T> {
  data: T[];
  pagination?: Pagination;
  /** Cursor lists (`/v1/conversations/{id}/messages`). */
  has_more?: boolean;
  [key: string]: unknown;
}

/** Fetches the page after `previous`, or returns null when `previous` was the last. */
export type NextPage<T> = (previous: Page<T>) => Promise<Page<T>> | null;

export class PageIterator<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private first: Promise<Page<T>> | undefined;

  constructor(
    private readonly fetchFirst: () => Promise<Page<T>>,
    private readonly next: NextPage<T>,
  ) {}

  private firstPage(): Promise<Page<T>> {
    this.first ??= this.fetchFirst();
    return this.first;
  }

  then<A = Page<T>, B = never>(
    onFulfilled?: ((value: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.firstPage().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.firstPage().finally(onFinally);
  }

  /** Every page, the first included. */
  async *pages(): AsyncGenerator<Page<T>> {
    let page: Page<T> | null = await this.firstPage();
    while (page) {
      yield page;
      const following: Promise<Page<T>> | null = page.data.length === 0 ? null : this.next(page);
      page = following === null ? null : await following;
    }
  }

  /** Every item of every page. */
  async *autoPagingIter(): AsyncGenerator<T> {
    for await (const page of this.pages()) {
      yield* page.data;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.autoPagingIter();
  }

  /** The items of every page in one array, stopping after `limit` items (default 10 000). */
  async autoPagingToArray(options: { limit?: number } = {}): Promise<T[]> {
    const limit = options.limit ?? 10_000;
    const items: T[] = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) {
        break;
      }
    }
    return items;
  }
}

/** The next page number of a paged list, or null after the last. */
export function nextPageNumber(page: Page<unknown>): number | null {
  const p = page.pagination;
  if (!p) {
    return null;
  }
  const total = p.total_pages ?? p.pages;
  if (typeof total !== 'number' || typeof p.page !== 'number') {
    return null;
  }
  return p.page < total ? p.page + 1 : null;
}
