package org.taskdesk.persistence.accounts;

import java.util.function.Function;
import org.taskdesk.accounts.AccountChanges;
import org.taskdesk.accounts.AccountStore;
import org.taskdesk.persistence.hibernate.Transactions;

/** Accounts through Hibernate; {@link Transactions} turns database failures into sentences for people. */
final class HibernateAccountStore implements AccountStore {
    private final Transactions transactions;

    HibernateAccountStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inOneTransaction(Function<AccountChanges, T> work) {
        return transactions.inTransaction(session -> work.apply(new HibernateAccountChanges(session)));
    }
}
