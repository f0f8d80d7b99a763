package dev.parley.platform;

/** {@code page} (from 1) and {@code per_page} (1 to 100) of a list request. */
public record PageQuery(int page, int perPage) {

    public static final int MAX_PER_PAGE = 100;
    public static final int DEFAULT_PER_PAGE = 20;

    public PageQuery {
        if (page < 1) {
            throw ApiException.invalidField("page", "out_of_range");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw ApiException.invalidField("per_page", "out_of_range");
        }
    }

    /** Reads optional request parameters, applying the defaults. */
    public static PageQuery of(Integer page, Integer perPage) {
        return new PageQuery(page == null ? 1 : page, perPage == null ? DEFAULT_PER_PAGE : perPage);
    }

    /** A long: {@code page} may be as large as an int, and a page past the end is simply empty. */
    public long offset() {
        return (page - 1L) * perPage;
    }
}
