package io.kube4j.node.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pods waiting for their simulated kubelet to act, as client-go's work queue keeps them: a pod
 * queued again before it was taken keeps its one entry (the worker reads the pod's latest state, so
 * the newer update replaces the older), and a pod is never handed to two workers at once (re-adds
 * while it is processed wait for {@link #done}). Unlike one FIFO, pods are served round-robin
 * across nodes, one pod per node in turn, as if each node had its own kubelet: a node with a
 * hundred pods to start does not delay the one pod of the next node. The queue never holds more
 * entries than there are pods on the simulated nodes.
 */
final class PodWorkQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    /**
     * Per node, its queued pod keys in arrival order. A node is here exactly while it is in
     * {@link #nodeTurns}; its set may have been emptied by {@link #remove}, and is dropped at its turn.
     */
    private final Map<String, LinkedHashSet<String>> queuedByNode = new HashMap<>();
    /** The nodes to serve, in turn. */
    private final ArrayDeque<String> nodeTurns = new ArrayDeque<>();
    /** Pods being processed, with their node. */
    private final Map<String, String> processing = new HashMap<>();
    /** Pods added while being processed, with their node: queued again on {@link #done}. */
    private final Map<String, String> addedWhileProcessing = new HashMap<>();
    private int size;
    private boolean shutDown;

    /** Queues the pod {@code key} (namespace/name) bound to {@code node}, unless it is queued already. */
    void add(String node, String key) {
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            if (processing.containsKey(key)) {
                addedWhileProcessing.put(key, node);
            } else {
                queue(node, key);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops the pod's pending entry: it was deleted, so nothing is left to write for it. */
    void remove(String node, String key) {
        lock.lock();
        try {
            addedWhileProcessing.remove(key);
            LinkedHashSet<String> queued = queuedByNode.get(node);
            if (queued != null && queued.remove(key)) {
                size--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next pod key, from the node whose turn it is; waits while none is queued; null once shut down. */
    String take() throws InterruptedException {
        lock.lock();
        try {
            while (size == 0) {
                if (shutDown) {
                    return null;
                }
                nonEmpty.await();
            }
            String node = nodeTurns.removeFirst();
            LinkedHashSet<String> queued = queuedByNode.get(node);
            while (queued.isEmpty()) {
                queuedByNode.remove(node);
                node = nodeTurns.removeFirst();
                queued = queuedByNode.get(node);
            }
            Iterator<String> first = queued.iterator();
            String key = first.next();
            first.remove();
            size--;
            if (queued.isEmpty()) {
                queuedByNode.remove(node);
            } else {
                nodeTurns.addLast(node);
            }
            processing.put(key, node);
            return key;
        } finally {
            lock.unlock();
        }
    }

    /** The worker is finished with {@code key}; if it was added meanwhile, it is queued again. */
    void done(String key) {
        lock.lock();
        try {
            processing.remove(key);
            String node = addedWhileProcessing.remove(key);
            if (node != null && !shutDown) {
                queue(node, key);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many pods are queued (not counting those being processed). */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the workers: {@link #take} returns null from now on and nothing more is queued. */
    void shutDown() {
        lock.lock();
        try {
            shutDown = true;
            queuedByNode.clear();
            nodeTurns.clear();
            size = 0;
            nonEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void queue(String node, String key) {
        LinkedHashSet<String> queued = queuedByNode.get(node);
        if (queued == null) {
            queued = new LinkedHashSet<>();
            queuedByNode.put(node, queued);
            nodeTurns.addLast(node);
        }
        if (queued.add(key)) {
            size++;
            nonEmpty.signal();
        }
    }
}
