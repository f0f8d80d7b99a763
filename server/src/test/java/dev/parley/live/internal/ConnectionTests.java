package dev.parley.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection's outbound queue: in order, bounded, and a client that does not keep up is dropped. */
class ConnectionTests {

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void writesFramesInTheOrderTheyWereSent() throws Exception {
        Recording connection = new Recording(executor, 100);

        for (int i = 0; i < 50; i++) {
            connection.send(frame(i));
        }
        connection.closeAfterSending(1000, "done");

        assertThat(connection.closedWith.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(connection.written).hasSize(50);
        assertThat(connection.written.getFirst()).isEqualTo("m00");
        assertThat(connection.written.getLast()).isEqualTo("m49");
        assertThat(connection.written).isSorted().doesNotHaveDuplicates().hasSize(50);
    }

    @Test
    void dropsAClientWhoseQueueFillsUp() throws Exception {
        Recording connection = new Recording(executor, 8);
        connection.blocked = new CountDownLatch(1);

        for (int i = 0; i < 20; i++) {
            connection.send(frame(i));
        }

        assertThat(connection.aborted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(connection.isClosed()).isTrue();
        connection.blocked.countDown();
    }

    @Test
    void holdsLiveFramesWhileReplayingAndSkipsWhatTheReplayHad() throws Exception {
        Recording connection = new Recording(executor, 100);

        connection.hold();
        connection.send(new Frame("message", "msg_2", "msg_2"));
        connection.send(new Frame("message", "msg_3", "msg_3"));
        connection.release(List.of(new Frame("message", "msg_1", "msg_1"), new Frame("message", "msg_2", "msg_2")));
        connection.closeAfterSending(1000, "done");

        assertThat(connection.closedWith.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(connection.written).containsExactly("msg_1", "msg_2", "msg_3");
    }

    @Test
    void aCloseWhileHoldingComesAfterWhatWasHeld() throws Exception {
        Recording connection = new Recording(executor, 100);

        connection.hold();
        connection.send(new Frame("error", null, "session_ended"));
        connection.closeAfterSending(4003, "session ended");
        connection.release(List.of(new Frame("authenticated", null, "authenticated")));

        assertThat(connection.closedWith.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(connection.written).containsExactly("authenticated", "session_ended");
    }

    private static Frame frame(int number) {
        return new Frame("message", null, String.format(Locale.ROOT, "m%02d", number));
    }

    /** Records what it writes; blocks its writes while {@link #blocked} is open. */
    static final class Recording extends Connection {

        final List<String> written = new CopyOnWriteArrayList<>();
        final CountDownLatch closedWith = new CountDownLatch(1);
        final CountDownLatch aborted = new CountDownLatch(1);
        volatile CountDownLatch blocked;

        Recording(ExecutorService executor, int limit) {
            super(Kind.CUSTOMER, Locale.ENGLISH, executor, limit);
        }

        @Override
        void write(Frame frame) throws Exception {
            if (blocked != null) {
                blocked.await();
            }
            written.add(frame.json());
        }

        @Override
        void close(int code, String reason) {
            closedWith.countDown();
        }

        @Override
        void abort() {
            markClosed();
            aborted.countDown();
        }
    }
}
