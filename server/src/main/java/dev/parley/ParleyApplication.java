package dev.parley;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Parley: an open-source, self-hostable AI customer-support platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParleyApplication {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("eval")) {
            System.exit(evaluate(args[1], java.util.Arrays.asList(args).subList(2, args.length)));
        }
        SpringApplication.run(ParleyApplication.class, args);
    }

    /** {@code eval <what> ...}: the quality evaluations, run without starting the server. */
    private static int evaluate(String what, java.util.List<String> args) throws Exception {
        return switch (what) {
            case "retrieval" -> dev.parley.knowledge.RetrievalEvaluation.run(args, System.out, System.err);
            case "products" -> dev.parley.commerce.ProductSearchEvaluation.run(args, System.out, System.err);
            case "intents", "sentiment", "prepare" ->
                dev.parley.assistant.UnderstandingEvaluation.run(what, args, System.out, System.err);
            default -> {
                System.err.println("Unknown evaluation '" + what
                        + "'. Available: retrieval, products, intents, sentiment, prepare");
                yield 2;
            }
        };
    }
}
