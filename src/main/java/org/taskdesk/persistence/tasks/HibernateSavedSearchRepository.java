package org.taskdesk.persistence.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.taskdesk.tasks.SavedSearch;
import org.taskdesk.tasks.SavedSearchRepository;

/**
 * One owner's saved searches in one Hibernate session. Every query names the owner, so another person's saved search
 * is simply not found; on the shared server, row-level security filters the same way underneath.
 */
final class HibernateSavedSearchRepository implements SavedSearchRepository {
    private final Session session;
    private final int owner;

    HibernateSavedSearchRepository(Session session, int owner) {
        this.session = session;
        this.owner = owner;
    }

    @Override
    public List<SavedSearch> all() {
        return session.createSelectionQuery("from SavedSearch s where s.userId = :owner order by s.id",
                SavedSearchEntity.class).setParameter("owner", owner).getResultList().stream()
                .map(HibernateSavedSearchRepository::toRecord).toList();
    }

    @Override
    public SavedSearch add(String name, String filter, Instant createdAt) {
        SavedSearchEntity row = new SavedSearchEntity(owner, name, filter, TaskMapper.toUtc(createdAt));
        session.persist(row);
        session.flush(); // for its id
        return toRecord(row);
    }

    @Override
    public Optional<SavedSearch> rename(long id, String name) {
        Optional<SavedSearchEntity> row = row(id);
        row.ifPresent(found -> found.setName(name));
        return row.map(HibernateSavedSearchRepository::toRecord);
    }

    @Override
    public boolean delete(long id) {
        Optional<SavedSearchEntity> row = row(id);
        row.ifPresent(session::remove);
        return row.isPresent();
    }

    private Optional<SavedSearchEntity> row(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return session.createSelectionQuery("from SavedSearch s where s.id = :id and s.userId = :owner",
                SavedSearchEntity.class).setParameter("id", (int) id).setParameter("owner", owner)
                .uniqueResultOptional();
    }

    private static SavedSearch toRecord(SavedSearchEntity row) {
        return new SavedSearch(row.getId(), row.getName(), row.getFilterText());
    }
}
