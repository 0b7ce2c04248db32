package io.kube4j.controllers.queue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A FIFO of keys to reconcile with client-go's guarantees: a key queued several times is processed
 * once; a key is never handed to two workers at the same time (re-adds while it is being processed
 * are parked and queued again on {@link #done}).
 */
public class WorkQueue<K> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private final ArrayDeque<K> queue = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private boolean shuttingDown;

    public void add(K key) {
        lock.lock();
        try {
            if (shuttingDown || !dirty.add(key)) {
                return;
            }
            if (!processing.contains(key)) {
                queue.addLast(key);
                nonEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next key to process, waiting up to {@code timeoutMs}; null on timeout or shutdown. */
    public K take(long timeoutMs) throws InterruptedException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (queue.isEmpty()) {
                if (shuttingDown || left <= 0) {
                    return null;
                }
                left = nonEmpty.awaitNanos(left);
            }
            K key = queue.removeFirst();
            dirty.remove(key);
            processing.add(key);
            return key;
        } finally {
            lock.unlock();
        }
    }

    /** Marks a key as processed; if it was added meanwhile, it is queued again. */
    public void done(K key) {
        lock.lock();
        try {
            processing.remove(key);
            if (dirty.contains(key)) {
                queue.addLast(key);
                nonEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    public int length() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    public void shutDown() {
        lock.lock();
        try {
            shuttingDown = true;
            nonEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isShuttingDown() {
        lock.lock();
        try {
            return shuttingDown;
        } finally {
            lock.unlock();
        }
    }
}
