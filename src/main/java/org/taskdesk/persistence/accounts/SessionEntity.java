package org.taskdesk.persistence.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A row of {@code sessions} (migration 3): a signed-in session, known only by the SHA-256 of its token, so that
 * a copy of the database does not let anyone sign in. Times are UTC.
 */
@Entity(name = "Session")
@Table(name = "sessions", indexes = @Index(name = "idx_sessions_user_id", columnList = "user_id"))
class SessionEntity {
    @Id
    @Column(name = "token_sha256", length = 64, nullable = false)
    private String tokenSha256;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "sessions_user_id_fkey"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private UserEntity user;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    protected SessionEntity() {
        // for Hibernate
    }

    SessionEntity(String tokenSha256, UserEntity user, LocalDateTime createdAt, LocalDateTime expiresAt) {
        this.tokenSha256 = tokenSha256;
        this.user = user;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String getTokenSha256() {
        return tokenSha256;
    }

    UserEntity getUser() {
        return user;
    }

    LocalDateTime getCreatedAt() {
        return createdAt;
    }

    LocalDateTime getExpiresAt() {
        return expiresAt;
    }
}
