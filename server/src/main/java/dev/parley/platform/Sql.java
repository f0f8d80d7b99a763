package dev.parley.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The SQL helpers every store shares: instants in and out of {@code timestamp with time zone} columns the same way on
 * H2 and PostgreSQL, {@code LIKE} patterns, {@code IN (...)} lists in bounded batches, and the workspace and mode that
 * scope every query.
 */
public final class Sql {

    private Sql() {}

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A {@code LIKE} pattern for text containing {@code text} literally, for use with {@code ESCAPE '!'}. */
    public static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** {@code n} comma-separated {@code ?} marks, for an {@code IN (...)} list of {@code n} values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * The values in consecutive slices of at most {@code size}, so an {@code IN (...)} list stays within what the
     * databases and drivers accept however many values an erasure or a rollup brings.
     */
    public static <T> List<List<T>> batches(List<T> values, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            batches.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return batches;
    }

    /** Parameters starting with the workspace and mode every query is scoped to, then {@code more}; can be added to. */
    public static List<Object> scoped(String workspaceId, Mode mode, Collection<?> more) {
        List<Object> params = new ArrayList<>(List.of(workspaceId, mode.wire()));
        params.addAll(more);
        return params;
    }

    /** The {@code mode} column as stored ({@link Mode#wire()}). */
    public static Mode mode(ResultSet rs) throws SQLException {
        return Mode.valueOf(rs.getString("mode").toUpperCase(Locale.ROOT));
    }
}
