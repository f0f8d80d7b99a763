package dev.parley.platform.internal;

import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only job handlers (test sources, never shipped): one that counts, one that fails, one that runs until told. */
@Configuration(proxyBeanMethods = false)
class JobHandlersForTests {

    static final List<String> ran = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> resumedFrom = new ConcurrentHashMap<>();

    /** The counting job's progress. */
    record Count(int done) {}

    @Bean
    JobHandler countingJobForTests() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.count";
            }

            @Override
            public void run(JobContext context) {
                Count saved = context.state(Count.class);
                int from = saved == null ? 0 : saved.done();
                resumedFrom.put(context.jobId(), from);
                context.save(new Count(3));
                ran.add(context.jobId());
            }
        };
    }

    @Bean
    JobHandler failingJobForTests() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.fail";
            }

            @Override
            public int maxAttempts() {
                return 2;
            }

            @Override
            public void run(JobContext context) {
                throw new IllegalStateException("attempt " + context.attempt() + " failed on purpose");
            }
        };
    }

    @Bean
    JobHandler endlessJobForTests() {
        return new JobHandler() {
            @Override
            public String type() {
                return "test.endless";
            }

            @Override
            public void run(JobContext context) throws InterruptedException {
                while (!context.cancelled()) {
                    Thread.sleep(50);
                }
            }
        };
    }
}
