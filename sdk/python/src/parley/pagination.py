"""Lists: one page as returned, and ``auto_paging_iter()`` to walk every item of every page."""

from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, TypeVar

from .models import Pagination

T = TypeVar("T")


class Page(Generic[T]):
    """One page of a list: ``data`` (typed items) and ``pagination``.

    Iterating a page yields its own items; :meth:`auto_paging_iter` yields every item of this page and the pages
    after it, fetching each next page when the previous one is used up.
    """

    def __init__(
        self,
        data: List[T],
        pagination: Optional[Pagination],
        fetch: Callable[[int], "Page[T]"],
        raw: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.data = data
        self.pagination = pagination
        self._fetch = fetch
        self.raw = raw or {}

    @property
    def has_more(self) -> bool:
        """Whether a page follows this one."""
        if self.pagination is None or self.pagination.page is None:
            return False
        last = self.pagination.last_page
        return last is not None and self.pagination.page < last

    def next_page(self) -> Optional["Page[T]"]:
        """The page after this one, or ``None`` after the last."""
        if not self.has_more:
            return None
        return self._fetch(self.pagination.page + 1)

    def auto_paging_iter(self) -> Iterator[T]:
        page: Optional[Page[T]] = self
        while page is not None:
            yield from page.data
            page = page.next_page() if page.data else None

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> T:
        return self.data[index]

    def __repr__(self) -> str:
        return f"Page(data={len(self.data)} items, pagination={self.pagination!r})"


class CursorPage(Generic[T]):
    """A list read after a cursor (a conversation's messages: ``after`` a message id, ``has_more``)."""

    def __init__(self, data: List[T], has_more: bool, fetch: Callable[[str], "CursorPage[T]"], cursor_of) -> None:
        self.data = data
        self.has_more = bool(has_more)
        self._fetch = fetch
        self._cursor_of = cursor_of

    def next_page(self) -> Optional["CursorPage[T]"]:
        if not self.has_more or not self.data:
            return None
        return self._fetch(self._cursor_of(self.data[-1]))

    def auto_paging_iter(self) -> Iterator[T]:
        page: Optional[CursorPage[T]] = self
        while page is not None:
            yield from page.data
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> T:
        return self.data[index]
