package org.taskdesk.persistence.accounts;

import java.time.LocalDateTime;
import java.util.Optional;
import org.hibernate.Session;
import org.taskdesk.accounts.AccountChanges;
import org.taskdesk.accounts.StoredAccount;

/** Users and their sign-in sessions in one Hibernate session, which is one transaction. */
final class HibernateAccountChanges implements AccountChanges {
    private final Session session;

    HibernateAccountChanges(Session session) {
        this.session = session;
    }

    @Override
    public Optional<StoredAccount> findByEmail(String normalisedEmail) {
        return session.createSelectionQuery("from User where email = :email", UserEntity.class)
                .setParameter("email", normalisedEmail).uniqueResultOptional().map(HibernateAccountChanges::stored);
    }

    @Override
    public boolean anyAccount() {
        return !session.createSelectionQuery("select u.id from User u", Integer.class).setMaxResults(1).getResultList()
                .isEmpty();
    }

    @Override
    public StoredAccount add(String normalisedEmail, String name, String passwordHash, LocalDateTime now) {
        UserEntity user = new UserEntity(normalisedEmail, name, passwordHash, now);
        session.persist(user);
        return stored(user);
    }

    @Override
    public Optional<StoredAccount> findSignedIn(String tokenSha256, LocalDateTime now) {
        return session.createSelectionQuery("select s.user from Session s where s.tokenSha256 = :hash and s.expiresAt > :now",
                        UserEntity.class)
                .setParameter("hash", tokenSha256).setParameter("now", now).uniqueResultOptional()
                .map(HibernateAccountChanges::stored);
    }

    @Override
    public void recordFailedSignIns(int accountId, int failedSignIns, LocalDateTime signInBlockedUntil) {
        // Set on the entity, not by a query: Hibernate writes the row only if a value really changed.
        UserEntity user = user(accountId);
        user.setFailedSignIns(failedSignIns);
        user.setSignInBlockedUntil(signInBlockedUntil);
    }

    @Override
    public void addSession(int accountId, String tokenSha256, LocalDateTime createdAt, LocalDateTime expiresAt) {
        session.persist(new SessionEntity(tokenSha256, user(accountId), createdAt, expiresAt));
    }

    @Override
    public void endSession(String tokenSha256) {
        session.createMutationQuery("delete from Session where tokenSha256 = :hash").setParameter("hash", tokenSha256)
                .executeUpdate();
    }

    @Override
    public void endOtherSessions(int accountId, String keptSha256) {
        session.createMutationQuery("delete from Session where user = :user and tokenSha256 <> :kept")
                .setParameter("user", user(accountId)).setParameter("kept", keptSha256 == null ? "" : keptSha256)
                .executeUpdate();
    }

    @Override
    public void changePasswordHash(int accountId, String passwordHash, LocalDateTime now) {
        UserEntity user = user(accountId);
        user.setPasswordHash(passwordHash);
        user.setUpdatedAt(now);
    }

    @Override
    public void delete(int accountId) {
        // Tasks, sessions and completions go with the user: their foreign keys cascade in the database.
        session.remove(user(accountId));
    }

    /** The user's entity: the very one an earlier query of this transaction loaded, if any. */
    private UserEntity user(int accountId) {
        UserEntity user = session.get(UserEntity.class, accountId);
        if (user == null) {
            throw new IllegalStateException("No user " + accountId + " in this transaction");
        }
        return user;
    }

    private static StoredAccount stored(UserEntity user) {
        return new StoredAccount(user.getId(), user.getEmail(), user.getName(), user.getPasswordHash(),
                user.getFailedSignIns(), user.getSignInBlockedUntil());
    }
}
