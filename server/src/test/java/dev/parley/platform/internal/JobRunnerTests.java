package dev.parley.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platform.JobStatus;
import dev.parley.platform.JobView;
import dev.parley.platform.Jobs;
import dev.parley.platform.Mode;
import dev.parley.platform.Sql;
import dev.parley.support.ApiTest;
import dev.parley.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
@Tag("database")
class JobRunnerTests {

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    final TestClock clock = TestClock.shared();

    @AfterEach
    void resume() {
        clock.resume();
    }

    @Test
    void runsAQueuedJobOnceAndRecordsItsProgress() {
        String id = jobs.enqueue("store_jobs", Mode.LIVE, "test.count", Map.of("n", 1));

        JobView done = awaitJob(id, JobView::finished);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.state().path("done").asInt()).isEqualTo(3);
        assertThat(JobHandlersForTests.ran).containsOnlyOnce(id);
    }

    @Test
    void retriesAFailingJobWithBackoffThenMarksItFailed() {
        clock.freeze();
        String id = jobs.enqueue("store_jobs", Mode.LIVE, "test.fail", Map.of());

        JobView retrying = awaitJob(id, j -> j.attempts() == 1 && j.status() == JobStatus.QUEUED);
        assertThat(retrying.error()).contains("attempt 1 failed on purpose");
        clock.advance(Duration.ofHours(2));
        JobView failed = awaitJob(id, JobView::finished);

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.error()).contains("attempt 2 failed on purpose");
    }

    @Test
    void picksUpTheJobOfADeadNodeAndResumesFromItsProgress() {
        // given a job a node claimed, saved progress for, and died holding
        String id = dev.parley.platform.Ids.next("job");
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.sql("INSERT INTO jobs (id, workspace_id, mode, type, status, payload, state, attempts, run_after,"
                        + " lease_owner, lease_until, created_at, updated_at)"
                        + " VALUES (?, 'store_jobs', 'live', 'test.count', 'running', '{}', '{\"done\":2}', 1, ?,"
                        + " 'node_dead', ?, ?, ?)")
                .params(id, Sql.timestamp(past), Sql.timestamp(past), Sql.timestamp(past), Sql.timestamp(past))
                .update();

        // when its lease has run out, another node runs it
        JobView done = awaitJob(id, JobView::finished);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(JobHandlersForTests.resumedFrom).containsEntry(id, 2);
    }

    @Test
    void stopsARunningJobWhenItsOwnerCancelsIt() {
        String id = jobs.enqueue("store_jobs", Mode.LIVE, "test.endless", Map.of());
        awaitJob(id, j -> j.status() == JobStatus.RUNNING);

        jobs.cancel("store_jobs", Mode.LIVE, id);

        assertThat(awaitJob(id, JobView::finished).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void keepsJobsInsideTheirWorkspace() {
        String id = jobs.enqueue("store_jobs", Mode.LIVE, "test.count", Map.of());

        assertThat(jobs.find("store_other", Mode.LIVE, id)).isEmpty();
        assertThat(jobs.find("store_jobs", Mode.TEST, id)).isEmpty();
        assertThat(jobs.find("store_jobs", Mode.LIVE, id)).isPresent();
    }

    private JobView awaitJob(String id, Predicate<JobView> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JobView job = null;
        while (System.nanoTime() < deadline) {
            job = jobs.find("store_jobs", Mode.LIVE, id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Job did not reach the expected state in time: " + job);
    }
}
