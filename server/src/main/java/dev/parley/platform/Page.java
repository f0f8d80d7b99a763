package dev.parley.platform;

import java.util.List;
import java.util.function.Function;

/** A page of a list and its {@code pagination} block, as every list endpoint answers. */
public record Page<T>(List<T> data, Pagination pagination) {

    public record Pagination(int page, int perPage, int totalPages, long totalCount) {}

    public static <T> Page<T> of(List<T> data, PageQuery query, long totalCount) {
        int totalPages = (int) ((totalCount + query.perPage() - 1) / query.perPage());
        return new Page<>(List.copyOf(data), new Pagination(query.page(), query.perPage(), totalPages, totalCount));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), pagination);
    }
}
