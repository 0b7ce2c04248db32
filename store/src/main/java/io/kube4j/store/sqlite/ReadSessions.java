package io.kube4j.store.sqlite;

import io.kube4j.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of connections used only for reading. In WAL mode readers see the last committed
 * state without waiting for the writer, so reads never queue behind a group commit.
 */
final class ReadSessions implements AutoCloseable {

    private final BlockingQueue<SqliteSession> idle;
    private final List<SqliteSession> all = new ArrayList<>();
    private volatile boolean closed;

    ReadSessions(Path dbFile, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                SqliteSession session = SqliteSession.open(dbFile, true);
                all.add(session);
                idle.add(session);
            }
        } catch (SQLException e) {
            all.forEach(SqliteSession::close);
            throw e;
        }
    }

    /** Runs {@code read} on a borrowed connection; each statement sees the latest commit. */
    <T> T read(SqlRead<T> read) {
        SqliteSession session = borrow();
        try {
            return read.apply(session);
        } catch (SQLException e) {
            throw new StoreException("sqlite read failed: " + e.getMessage(), e);
        } finally {
            idle.add(session);
        }
    }

    /** Polls rather than blocks so a reader racing {@link #close} notices it instead of hanging. */
    private SqliteSession borrow() {
        try {
            while (!closed) {
                SqliteSession session = idle.poll(100, TimeUnit.MILLISECONDS);
                if (session != null) {
                    return session;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection", e);
        }
        throw new StoreException("store is closed");
    }

    /** Waits for borrowed connections to come back, then closes them all. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < all.size(); i++) {
            try {
                idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        all.forEach(SqliteSession::close);
    }

    @FunctionalInterface
    interface SqlRead<T> {
        T apply(SqliteSession session) throws SQLException;
    }
}
