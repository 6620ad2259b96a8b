package org.taskdesk.persistence.tasks;

import java.util.function.Function;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.tasks.SavedSearchRepository;
import org.taskdesk.tasks.SavedSearchStorage;

/** The saved searches' {@link SavedSearchStorage} on Hibernate, for the composition root; the rest stays inside. */
public final class HibernateSavedSearchStorage implements SavedSearchStorage {
    private final Transactions transactions;

    public HibernateSavedSearchStorage(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inOneTransaction(int ownerId, String sessionToken, Function<SavedSearchRepository, T> changes) {
        return transactions.asUser(sessionToken,
                session -> changes.apply(new HibernateSavedSearchRepository(session, ownerId)));
    }
}
