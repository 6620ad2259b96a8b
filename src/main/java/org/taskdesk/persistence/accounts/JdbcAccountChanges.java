package org.taskdesk.persistence.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Optional;
import org.taskdesk.accounts.AccountChanges;
import org.taskdesk.accounts.StoredAccount;
import org.taskdesk.persistence.jdbc.Columns;
import org.taskdesk.persistence.jdbc.JdbcTransactions.SqlFailure;

/** Accounts and sessions of a local file in plain SQL, on the connection of one transaction. */
final class JdbcAccountChanges implements AccountChanges {
    private static final String USER_COLUMNS = "u.id, u.email, u.name, u.password_hash, u.failed_sign_ins,"
            + " u.sign_in_blocked_until";

    private final Connection connection;

    JdbcAccountChanges(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<StoredAccount> findByEmail(String normalisedEmail) {
        return one("SELECT " + USER_COLUMNS + " FROM users u WHERE u.email = ?", normalisedEmail);
    }

    @Override
    public boolean anyAccount() {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM users FETCH FIRST 1 ROWS ONLY");
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public StoredAccount add(String normalisedEmail, String name, String passwordHash, LocalDateTime now) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (email, name, password_hash,"
                + " created_at, updated_at, failed_sign_ins) VALUES (?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, normalisedEmail);
            insert.setString(2, name);
            insert.setString(3, passwordHash);
            Columns.time(insert, 4, now);
            Columns.time(insert, 5, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new StoredAccount(keys.getInt(1), normalisedEmail, name, passwordHash, 0, null);
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    @Override
    public Optional<StoredAccount> findSignedIn(String tokenSha256, LocalDateTime now) {
        return one("SELECT " + USER_COLUMNS + " FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE s.token_sha256 = ? AND s.expires_at > ?", tokenSha256, now);
    }

    @Override
    public void recordFailedSignIns(int accountId, int failedSignIns, LocalDateTime signInBlockedUntil) {
        update("UPDATE users SET failed_sign_ins = ?, sign_in_blocked_until = ? WHERE id = ?"
                + " AND (failed_sign_ins <> ? OR sign_in_blocked_until IS DISTINCT FROM ?)",
                failedSignIns, signInBlockedUntil, accountId, failedSignIns, signInBlockedUntil);
    }

    @Override
    public void addSession(int accountId, String tokenSha256, LocalDateTime createdAt, LocalDateTime expiresAt) {
        update("INSERT INTO sessions (token_sha256, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                tokenSha256, accountId, createdAt, expiresAt);
    }

    @Override
    public void endSession(String tokenSha256) {
        update("DELETE FROM sessions WHERE token_sha256 = ?", tokenSha256);
    }

    @Override
    public void endOtherSessions(int accountId, String keptSha256) {
        update("DELETE FROM sessions WHERE user_id = ? AND token_sha256 <> ?", accountId,
                keptSha256 == null ? "" : keptSha256);
    }

    @Override
    public void changePasswordHash(int accountId, String passwordHash, LocalDateTime now) {
        update("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", passwordHash, now, accountId);
    }

    @Override
    public void delete(int accountId) {
        // Tasks, sessions and completions go with the user: their foreign keys cascade in the database.
        update("DELETE FROM users WHERE id = ?", accountId);
    }

    private Optional<StoredAccount> one(String sql, Object... values) {
        try (PreparedStatement query = prepare(sql, values); ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredAccount(rows.getInt("id"), rows.getString("email"), rows.getString("name"),
                    rows.getString("password_hash"), rows.getInt("failed_sign_ins"),
                    Columns.time(rows, "sign_in_blocked_until")));
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private void update(String sql, Object... values) {
        try (PreparedStatement statement = prepare(sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof LocalDateTime || values[i] == null) {
                    Columns.time(statement, i + 1, (LocalDateTime) values[i]);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
