package org.taskdesk.accounts;

import java.util.function.Function;

/**
 * Where a database TaskDesk reaches directly (the local file) keeps accounts and their sign-in sessions. The
 * service says what it needs in its own terms; persistence decides how (today Hibernate, which nothing here sees).
 */
public interface AccountStore {
    /**
     * Runs {@code work} as one unit: everything it changes is saved together when it returns, and nothing when it
     * throws. A sign-in therefore returns its failure rather than throwing it, so that the failure count is kept.
     */
    <T> T inOneTransaction(Function<AccountChanges, T> work);
}
