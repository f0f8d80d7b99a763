package dev.parley.commerce;

import dev.parley.commerce.internal.ProductSearchQuality;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The commerce module's offline evaluation, for {@code ./parley eval products}: the product search's recall on shopper
 * requests (see {@link ProductSearchQuality}), run without a server. It prints its figures to {@code out} and returns
 * the exit status.
 */
public final class Evaluations {

    private Evaluations() {}

    /** Runs the evaluation named {@code what}: {@code products}. */
    public static int run(String what, List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (!what.equals("products")) {
            throw new IllegalArgumentException(what);
        }
        return ProductSearchQuality.run(args, out, err);
    }
}
