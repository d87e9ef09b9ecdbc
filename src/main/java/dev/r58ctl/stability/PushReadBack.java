package dev.r58ctl.stability;

import dev.r58ctl.config.Codec;
import dev.r58ctl.config.Config;
import dev.r58ctl.monitor.MediamtxClient;
import dev.r58ctl.monitor.MediamtxStatus;
import dev.r58ctl.monitor.PathStatus;
import dev.r58ctl.pipeline.MediaProbe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Verifies a push the only way that counts: something reads it back. An RTSP (or RTMP, or RTP) client reads the
 * stream from the read-back address until enough frames of the expected codec arrived, retrying while the server
 * does not serve it yet; and where MediaMTX's API answers, the path must be ready with bytes received.
 */
final class PushReadBack {
    private static final long RETRY_MILLIS = 500;
    /**
     * One read's time: a key frame within a second, then two seconds of frames. A read that got less is made again
     * (a new DESCRIBE and PLAY), as a player would: under load a reader that joined was seen to get nothing for 9 s
     * while the next one read at once.
     */
    private static final long ATTEMPT_MILLIS = 4000;

    private PushReadBack() {
    }

    /** Reads on a daemon thread until {@code frames} arrived or {@code deadlineNanos}; never fails exceptionally. */
    static CompletableFuture<MediaProbe.Result> start(String url, Codec codec, long frames, long deadlineNanos) {
        CompletableFuture<MediaProbe.Result> out = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            MediaProbe.Result best = new MediaProbe.Result(null, 0, "nothing read back from " + url);
            try {
                while (true) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                    if (left < 300) {
                        break;
                    }
                    MediaProbe.Result r = MediaProbe.stream(url, codec, Duration.ofMillis(Math.min(left,
                            ATTEMPT_MILLIS)), frames);
                    if (r.frames() >= best.frames()) {
                        best = r;
                    }
                    if (r.frames() >= frames) {
                        break;
                    }
                    // the server refuses a read until the publisher's first packets arrived: ask again shortly
                    Thread.sleep(Math.min(RETRY_MILLIS, Math.max(0, left - 300)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                best = new MediaProbe.Result(best.mediaType(), best.frames(), e.getMessage());
            }
            out.complete(best);
        }, "r58ctl-readback");
        t.setDaemon(true);
        t.start();
        return out;
    }

    /** The read-back as a check: frames of the expected codec, at least {@code need} of them. */
    static Criterion check(String url, Codec codec, MediaProbe.Result r, long need) {
        if (r.frames() == 0) {
            return Criterion.failed("read back", "no frames from " + url + (r.error() == null ? "" : ": " + r.error()));
        }
        if (!r.isCodec(codec)) {
            return Criterion.failed("read back", r.frames() + " frames from " + url + " but " + r.mediaType()
                    + ", expected " + codec.mediaType());
        }
        if (r.frames() < need) {
            return Criterion.failed("read back", "only " + r.frames() + " of " + need + " frames from " + url
                    + (r.error() == null ? "" : " (" + r.error() + ")"));
        }
        return Criterion.ok("read back", r.frames() + " frames of " + r.mediaType() + " from " + url);
    }

    /** MediaMTX's view of the path, when its API answers; a note (passing) when it does not. */
    static Criterion mediamtx(Config config, String path) {
        Duration timeout = Duration.ofMillis(config.monitor().httpTimeoutMillis());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        MediamtxStatus s;
        try {
            s = new MediamtxClient(executor, timeout, config.mediamtx().apiUrl()).paths()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return Criterion.ok("mediamtx", "not checked: " + config.mediamtx().apiUrl() + " did not answer");
        } finally {
            executor.shutdownNow();
        }
        if (!s.ok()) {
            return Criterion.ok("mediamtx", "not checked: " + s.url() + ": " + s.reason());
        }
        for (PathStatus p : s.paths()) {
            if (p.name().equals(path)) {
                if (!p.ready()) {
                    return Criterion.failed("mediamtx", "path " + path + " is not ready");
                }
                if (p.bytesReceived() == null || p.bytesReceived() == 0) {
                    return Criterion.failed("mediamtx", "path " + path + " is ready but received no bytes");
                }
                return Criterion.ok("mediamtx", "path " + path + " ready, " + p.bytesReceived() + " bytes received"
                        + (p.codecs().isEmpty() ? "" : ", " + String.join(" ", p.codecs())));
            }
        }
        return Criterion.failed("mediamtx", "path " + path + " is not among MediaMTX's paths");
    }
}
