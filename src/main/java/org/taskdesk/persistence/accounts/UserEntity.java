package org.taskdesk.persistence.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of {@code users} (the seed's migration 001). Times are UTC wall-clock values: the seed's columns are
 * {@code timestamp without time zone}, so the zone is fixed by convention, not by the column.
 * Never leaves the persistence layer: services hand out records. The task entities name their owner by a plain
 * {@code user_id} column, so this class stays inside {@code persistence.accounts}.
 */
@Entity(name = "User")
@Table(name = "users", indexes = @Index(name = "idx_users_email", columnList = "email", unique = true))
class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "email", length = 255, nullable = false)
    private String email;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "password_hash", length = 255, nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "sign_in_blocked_until")
    private LocalDateTime signInBlockedUntil;

    protected UserEntity() {
        // for Hibernate
    }

    UserEntity(String email, String name, String passwordHash, LocalDateTime now) {
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Integer getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    LocalDateTime getCreatedAt() {
        return createdAt;
    }

    LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    int getFailedSignIns() {
        return failedSignIns;
    }

    void setFailedSignIns(int failedSignIns) {
        this.failedSignIns = failedSignIns;
    }

    LocalDateTime getSignInBlockedUntil() {
        return signInBlockedUntil;
    }

    void setSignInBlockedUntil(LocalDateTime signInBlockedUntil) {
        this.signInBlockedUntil = signInBlockedUntil;
    }
}
