package dev.parley.commerce;

import dev.parley.commerce.internal.ProductSearchQuality;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** {@code ./parley eval products}: the product search's recall on shopper requests, see {@link ProductSearchQuality}. */
public final class ProductSearchEvaluation {

    private ProductSearchEvaluation() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        return ProductSearchQuality.run(args, out, err);
    }
}
