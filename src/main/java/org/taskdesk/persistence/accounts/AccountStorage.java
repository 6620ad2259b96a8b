package org.taskdesk.persistence.accounts;

import java.util.List;
import java.util.function.Function;
import org.taskdesk.accounts.AccountChanges;
import org.taskdesk.persistence.jdbc.JdbcTransactions;
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

    /** The same in plain SQL, for the command line, which then need not build Hibernate (ADR 0017). */
    public static AccountStore local(JdbcTransactions transactions) {
        return new AccountStore() {
            @Override
            public <T> T inOneTransaction(Function<AccountChanges, T> work) {
                return transactions.inTransaction(connection -> work.apply(new JdbcAccountChanges(connection)));
            }
        };
    }
}
