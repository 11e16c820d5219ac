package io.tandem.app.imports;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Progress of running imports, polled by the import page to draw its progress bar. */
@Component
class ImportProgress {

    /** A snapshot for the page. */
    record Status(String phase, String file, long rows, long bytes, long totalBytes, long rowsPerSecond, boolean done) {
    }

    static final class Tracker {
        private final long started = System.nanoTime();
        private final long totalBytes;
        private volatile String phase = "reading";
        private volatile String file = "";
        private volatile long rows;
        private volatile long bytes;
        private volatile boolean done;

        Tracker(long totalBytes) {
            this.totalBytes = totalBytes;
        }

        void file(String name) {
            this.file = name;
        }

        void read(long rows, long bytes) {
            this.rows = rows;
            this.bytes = bytes;
        }

        void phase(String phase) {
            this.phase = phase;
        }

        void done() {
            this.done = true;
            this.phase = "done";
        }

        Status status() {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            return new Status(phase, file, rows, bytes, totalBytes, Math.round(rows / seconds), done);
        }
    }

    /** Trackers that nobody asks for. */
    static final Tracker NONE = new Tracker(0);

    private final Map<String, Tracker> running = new ConcurrentHashMap<>();

    Tracker start(String id, long totalBytes) {
        Tracker tracker = new Tracker(totalBytes);
        if (id != null && !id.isBlank() && id.length() <= 64) {
            if (running.size() > 1000) {
                running.clear();
            }
            running.put(id, tracker);
        }
        return tracker;
    }

    Status status(String id) {
        Tracker tracker = running.get(id);
        return tracker == null ? null : tracker.status();
    }
}
