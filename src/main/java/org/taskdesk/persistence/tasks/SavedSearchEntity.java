package org.taskdesk.persistence.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;

/**
 * A row of {@code saved_searches} (migration 8): a person's filter under a name. The owner is a plain column (its
 * foreign key and ON DELETE CASCADE are the migration's); the creation time is a UTC wall-clock value.
 */
@Entity(name = "SavedSearch")
@Table(name = "saved_searches", uniqueConstraints =
        @UniqueConstraint(name = "saved_searches_user_id_name_key", columnNames = {"user_id", "name"}))
class SavedSearchEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "user_id", nullable = false)
    private int userId;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "filter_text", length = 1000, nullable = false)
    private String filterText;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected SavedSearchEntity() {
        // for Hibernate
    }

    SavedSearchEntity(int userId, String name, String filterText, LocalDateTime createdAt) {
        this.userId = userId;
        this.name = name;
        this.filterText = filterText;
        this.createdAt = createdAt;
    }

    Integer getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getFilterText() {
        return filterText;
    }
}
