package dev.reflekt.core.events;

import dev.reflekt.core.finding.Severities;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks recorded files with several threads and the same result as one: this thread reads the files (one document at
 * a time) into batches of events, batch {@code i} goes to partition {@code i % }{@value #PARTITIONS}, each partition
 * checks its batches in order with its own {@link EventCheck}, and the partitions' checks are merged. The partitions
 * are fixed (not the number of processors), so what is found and listed is a function of the input alone. Memory is
 * bounded: each partition queues at most two batches, and the reader waits for it.
 */
public final class ParallelCheck {

    /** Partitions; on two cores, enough to keep both busy while this thread reads. */
    static final int PARTITIONS = 4;
    /** Events a batch. */
    static final int BATCH = 64;

    private static final List<Object> END = new ArrayList<>();

    private ParallelCheck() {}

    /**
     * A file to read.
     *
     * @param path where it is
     * @param display how findings name it
     */
    public record Input(Path path, String display) {}

    /** Checks the events of {@code inputs} against {@code plan}. */
    public static EventCheck.Result run(
            Plan plan,
            Severities severities,
            EventCheck.Options options,
            List<Input> inputs,
            List<PayloadFormat> formats)
            throws IOException {
        List<EventCheck> checks = new ArrayList<>();
        List<BlockingQueue<List<Object>>> queues = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        for (int i = 0; i < PARTITIONS; i++) {
            EventCheck check = new EventCheck(plan, severities, options);
            BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(2);
            Thread worker = new Thread(() -> work(check, queue, failed), "reflekt-check-events-" + i);
            worker.setDaemon(true);
            worker.start();
            checks.add(check);
            queues.add(queue);
            workers.add(worker);
        }
        Batches batches = new Batches(queues, failed);
        try {
            for (Input input : inputs) {
                EventFiles.read(input.path(), input.display(), formats, batches::add, batches::add);
            }
            batches.flush();
            for (BlockingQueue<List<Object>> queue : queues) {
                queue.put(END);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(Thread::interrupt);
            throw new InterruptedIOException("checking the events was interrupted");
        }
        if (failed.get() != null) {
            throw new IllegalStateException("checking the events failed", failed.get());
        }
        EventCheck merged = checks.get(0);
        for (int i = 1; i < checks.size(); i++) {
            merged.merge(checks.get(i));
        }
        return merged.finish();
    }

    private static void work(EventCheck check, BlockingQueue<List<Object>> queue, AtomicReference<Throwable> failed) {
        try {
            for (List<Object> batch = queue.take(); batch != END; batch = queue.take()) {
                if (failed.get() != null) {
                    continue; // drain, so that the reader never waits on a dead partition
                }
                for (Object item : batch) {
                    if (item instanceof SentEvent e) {
                        check.accept(e);
                    } else {
                        check.problem((EventFiles.Problem) item);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failed.compareAndSet(null, e);
            try {
                while (queue.take() != END) {
                    // drain
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cuts the stream of events into batches, dealt to the partitions in turn. */
    private static final class Batches {
        private final List<BlockingQueue<List<Object>>> queues;
        private final AtomicReference<Throwable> failed;
        private List<Object> batch = new ArrayList<>(BATCH);
        private long next;

        Batches(List<BlockingQueue<List<Object>>> queues, AtomicReference<Throwable> failed) {
            this.queues = queues;
            this.failed = failed;
        }

        void add(Object item) {
            batch.add(item);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                queues.get((int) (next++ % queues.size())).put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("checking the events was interrupted", e);
            }
            batch = new ArrayList<>(BATCH);
            if (failed.get() != null) {
                throw new IllegalStateException("checking the events failed", failed.get());
            }
        }
    }
}
