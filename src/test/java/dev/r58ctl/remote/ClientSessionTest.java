package dev.r58ctl.remote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A front end that stops reading is dropped when its outbox is full, and nobody who offers it a line waits. */
class ClientSessionTest {
    @Test
    void aFrontEndThatFallsTooFarBehindIsDroppedWithoutBlockingTheSender() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        Writer neverDone = new Writer() {
            @Override
            public void write(char[] b, int off, int len) {
                try {
                    stuck.await(); // a client whose socket buffer is full
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
                stuck.countDown();
            }
        };
        AutoCloseable connection = stuck::countDown;
        ClientSession s = new ClientSession("slow client", new ByteArrayInputStream(new byte[0]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                try {
                    stuck.await(); // says nothing until dropped
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        }, neverDone, connection);
        s.start((session, line) -> { });
        int offered = 0;
        while (s.offer("{\"type\":\"SystemSampled\"}")) {
            offered++;
            assertTrue(offered <= ClientSession.OUTBOX + 1, "offers past the bound");
        }
        assertTrue(s.ended(), "dropped");
        assertTrue(s.why().contains("lines behind: dropped"), s.why());
        assertTrue(s.await(10_000), "its threads let go once its connection is closed");
        assertFalse(s.offer("more"), "nothing more is queued for it");
    }
}
