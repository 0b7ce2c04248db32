package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValue;
import io.kube4j.store.StoreException;
import io.kube4j.store.sqlite.WriteTask.Compact;
import io.kube4j.store.sqlite.WriteTask.KeyWrite;
import io.kube4j.store.sqlite.WriteTask.Stop;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The single writer. Callers queue tasks; one thread drains whatever has queued up, applies the
 * writes in one transaction and commits once, so concurrent writers share one fsync (group
 * commit). Only then does it update the index, publish the events and release the callers.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final int MAX_BATCH = 1024;

    private final SqliteSession session;
    private final KeyIndex index;
    private final ChangeFeed feed;
    private final LinkedBlockingQueue<WriteTask> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private boolean accepting = true;
    private volatile long compactedRevision;
    private final Thread thread;

    GroupCommitWriter(SqliteSession session, KeyIndex index, ChangeFeed feed, long compactedRevision) {
        this.session = session;
        this.index = index;
        this.feed = feed;
        this.compactedRevision = compactedRevision;
        this.thread = Thread.ofPlatform().name("kube4j-store-writer").daemon().start(this::run);
    }

    long compactedRevision() {
        return compactedRevision;
    }

    /** Queues {@code write} and waits until it is durable (or its precondition failed). */
    KeyValue write(KeyWrite write) {
        submit(write);
        return await(write.result());
    }

    void compact(long revision) {
        Compact compact = new Compact(revision, new CompletableFuture<>());
        submit(compact);
        await(compact.result());
    }

    private void submit(WriteTask task) {
        synchronized (submitLock) {
            if (!accepting) {
                throw new StoreException("store is closed");
            }
            queue.add(task);
        }
    }

    private static <T> T await(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException failure) {
                throw failure;
            }
            throw new StoreException("write failed: " + e.getCause(), e.getCause());
        }
    }

    private void run() {
        List<WriteTask> tasks = new ArrayList<>();
        List<KeyWrite> writes = new ArrayList<>();
        boolean running = true;
        while (running) {
            tasks.add(nextTask());
            queue.drainTo(tasks, MAX_BATCH - 1);
            for (WriteTask task : tasks) {
                switch (task) {
                    case KeyWrite write -> writes.add(write);
                    case Compact compact -> {
                        commit(writes);
                        compact(compact);
                    }
                    case Stop stop -> running = false;
                }
            }
            commit(writes);
            tasks.clear();
        }
    }

    /** Nothing interrupts the writer; should something do so, it keeps serving the queue. */
    private WriteTask nextTask() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException ignored) {
                Thread.interrupted();
            }
        }
    }

    /** Commits {@code writes} as one transaction and empties the list. */
    private void commit(List<KeyWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        WriteBatch batch = new WriteBatch(session, index, feed.committedRevision());
        try {
            for (KeyWrite write : writes) {
                batch.apply(write);
            }
            session.commit();
        } catch (SQLException | RuntimeException e) {
            session.rollbackAfter(e);
            StoreException failure = new StoreException("sqlite write failed: " + e.getMessage(), e);
            writes.forEach(write -> write.result().completeExceptionally(failure));
            writes.clear();
            return;
        }
        writes.clear();
        index.apply(batch.indexChanges());
        if (!batch.events().isEmpty()) {
            feed.publish(batch.revision(), batch.events());
        }
        batch.complete();
    }

    private void compact(Compact compact) {
        long previous = compactedRevision;
        long current = feed.committedRevision();
        if (compact.revision() <= previous) {
            compact.result().complete(null);
            return;
        }
        if (compact.revision() > current) {
            compact.result().completeExceptionally(new StoreException(
                    "compaction revision " + compact.revision() + " is greater than the current revision " + current));
            return;
        }
        // Announced before the rows go, so a reader that checks after its query sees it.
        compactedRevision = compact.revision();
        try {
            KvTable.compact(session, previous, compact.revision());
            session.commit();
            compact.result().complete(null);
        } catch (SQLException | RuntimeException e) {
            session.rollbackAfter(e);
            compactedRevision = previous;
            compact.result().completeExceptionally(new StoreException("sqlite compaction failed: " + e.getMessage(), e));
        }
    }

    /** Lets the tasks already queued finish, then stops the writer and closes its connection. */
    @Override
    public void close() {
        synchronized (submitLock) {
            if (!accepting) {
                return;
            }
            accepting = false;
            queue.add(new Stop());
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        session.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
