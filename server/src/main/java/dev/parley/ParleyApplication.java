package dev.parley;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

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

    /** {@code eval <what> ...}: the quality evaluations, run without starting the server (but for dialogues). */
    private static int evaluate(String what, java.util.List<String> args) throws Exception {
        return switch (what) {
            case "retrieval" -> dev.parley.knowledge.Evaluations.run(what, args, System.out, System.err);
            case "products" -> dev.parley.commerce.Evaluations.run(what, args, System.out, System.err);
            case "intents", "sentiment", "calibrate", "prepare", "dialogues" ->
                dev.parley.assistant.Evaluations.run(
                        what, args, ParleyApplication::startForEvaluation, System.out, System.err);
            default -> {
                System.err.println("Unknown evaluation '" + what
                        + "'. Available: retrieval, intents, sentiment, calibrate, prepare, dialogues, products");
                yield 2;
            }
        };
    }

    /**
     * A Parley of the evaluation's own: a fresh data directory (deleted afterwards), a loopback port, no rate limits
     * (the player is one client playing many conversations quickly), a known admin key, and the demo workspace a first
     * start creates.
     */
    private static dev.parley.assistant.Evaluations.Target startForEvaluation(Map<String, String> extra)
            throws IOException {
        Path dataDir = Files.createTempDirectory("parley-eval-");
        String adminKey = "sk_live_" + randomLetters(32);
        List<String> args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--parley.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("parley")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--parley.redis.url=",
                "--parley.knowledge.index-path=memory",
                "--parley.files.dir=" + dataDir.resolve("files"),
                "--parley.platform.rate-limits.enabled=false",
                "--parley.tenancy.bootstrap-admin-key=" + adminKey,
                "--logging.level.root=WARN",
                "--logging.level.dev.parley=WARN"));
        extra.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context =
                SpringApplication.run(ParleyApplication.class, args.toArray(String[]::new));
        URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/");
        return new dev.parley.assistant.Evaluations.Target() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public String adminKey() {
                return adminKey;
            }

            @Override
            public void close() {
                context.close();
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory left behind is harmless
                }
            }
        };
    }

    private static String randomLetters(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
