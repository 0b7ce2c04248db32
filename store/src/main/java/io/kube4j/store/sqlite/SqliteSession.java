package io.kube4j.store.sqlite;

import io.kube4j.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection with its prepared statements cached by SQL text. Not thread-safe: the
 * writer owns one, readers borrow theirs from {@link ReadSessions}.
 */
final class SqliteSession implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private SqliteSession(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens a connection in WAL mode with {@code synchronous=FULL}, so that a commit returns only
     * after the WAL is fsynced: acknowledged writes survive a crash or kill -9.
     */
    static SqliteSession open(Path dbFile, boolean autoCommit) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath(), config.toProperties());
        connection.setAutoCommit(autoCommit);
        return new SqliteSession(connection);
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    void commit() throws SQLException {
        connection.commit();
    }

    /** Rolls back after a failed transaction; a failure here is secondary to the one being reported. */
    void rollbackAfter(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing sqlite connection failed", e);
        }
    }
}
