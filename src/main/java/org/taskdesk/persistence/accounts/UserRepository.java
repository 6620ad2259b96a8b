package org.taskdesk.persistence.accounts;

import java.time.LocalDateTime;
import java.util.Optional;
import org.hibernate.Session;
import org.taskdesk.persistence.entities.SessionEntity;
import org.taskdesk.persistence.entities.UserEntity;

/** Users and their sign-in sessions, for a database TaskDesk reaches directly (the local file). */
public final class UserRepository {

    public Optional<UserEntity> findByEmail(Session session, String normalisedEmail) {
        return session.createSelectionQuery("from User where email = :email", UserEntity.class)
                .setParameter("email", normalisedEmail).uniqueResultOptional();
    }

    public UserEntity add(Session session, UserEntity user) {
        session.persist(user);
        return user;
    }

    public void delete(Session session, UserEntity user) {
        // Tasks, sessions and completions go with the user: their foreign keys cascade in the database.
        session.remove(user);
    }

    public void addSession(Session session, SessionEntity signedIn) {
        session.persist(signedIn);
    }

    /** The user of a session that has not expired at {@code now}. */
    public Optional<UserEntity> findSignedIn(Session session, String tokenSha256, LocalDateTime now) {
        return session.createSelectionQuery("select s.user from Session s where s.tokenSha256 = :hash and s.expiresAt > :now",
                        UserEntity.class)
                .setParameter("hash", tokenSha256).setParameter("now", now).uniqueResultOptional();
    }

    public void endSession(Session session, String tokenSha256) {
        session.createMutationQuery("delete from Session where tokenSha256 = :hash").setParameter("hash", tokenSha256)
                .executeUpdate();
    }

    /** Ends every session of {@code user} except the one with {@code keptSha256} (may be null). */
    public void endOtherSessions(Session session, UserEntity user, String keptSha256) {
        session.createMutationQuery("delete from Session where user = :user and tokenSha256 <> :kept")
                .setParameter("user", user).setParameter("kept", keptSha256 == null ? "" : keptSha256).executeUpdate();
    }
}
