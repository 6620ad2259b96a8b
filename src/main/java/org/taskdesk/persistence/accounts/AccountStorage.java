package org.taskdesk.persistence.accounts;

import java.util.List;
import org.taskdesk.accounts.AccountStore;
import org.taskdesk.persistence.hibernate.Transactions;

/** The one door into account persistence, for the composition root: everything behind it is package-private. */
public final class AccountStorage {
    /** The entity classes Hibernate must map for accounts. */
    public static final List<Class<?>> ENTITIES = List.of(UserEntity.class, SessionEntity.class);

    private AccountStorage() {
    }

    /** The accounts of a database TaskDesk reaches directly (the local file). */
    public static AccountStore local(Transactions transactions) {
        return new HibernateAccountStore(transactions);
    }
}
