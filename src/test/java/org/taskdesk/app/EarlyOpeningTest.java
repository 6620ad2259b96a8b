package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.migrations.MigrationStep;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.workspace.Workspace;

class EarlyOpeningTest {
    private static final MigrationStep FIRST = new MigrationStep(true, 3, 4, "add reminders");
    private static final MigrationStep SECOND = new MigrationStep(true, 4, 5, "add saved searches");

    @Test
    void stepsMadeBeforeTheStartupViewAskedReachItFirstThenTheRestAsTheyCome() throws Exception {
        CountDownLatch firstMade = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        Workspace workspace = workspace(new AtomicBoolean());
        EarlyOpening opening = EarlyOpening.start(target(), steps -> {
            steps.accept(FIRST);
            firstMade.countDown();
            await(asked);
            steps.accept(SECOND);
            return workspace;
        });
        assertThat(firstMade.await(10, TimeUnit.SECONDS)).isTrue();
        List<MigrationStep> seen = new ArrayList<>();

        Workspace taken = opening.take(step -> {
            seen.add(step);
            asked.countDown();
        });

        assertThat(taken).isSameAs(workspace);
        assertThat(seen).containsExactly(FIRST, SECOND);
    }

    @Test
    void whatOpeningThrewIsThrownAsItWas() {
        TaskDeskException damaged = new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The file is damaged.");
        EarlyOpening opening = EarlyOpening.start(target(), steps -> {
            throw damaged;
        });

        assertThatThrownBy(() -> opening.take(step -> { })).isSameAs(damaged);
    }

    @Test
    void aWorkspaceNobodyTakesIsClosedOnceOpen() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        CountDownLatch abandoned = new CountDownLatch(1);
        EarlyOpening opening = EarlyOpening.start(target(), steps -> {
            await(abandoned);
            return workspace(closed);
        });

        opening.abandon();
        abandoned.countDown();

        for (int i = 0; i < 200 && !closed.get(); i++) {
            Thread.sleep(50);
        }
        assertThat(closed).isTrue();
        assertThatThrownBy(() -> opening.take(step -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theOpeningWaitsForItsSignalThenGoesOnOnItsOwnThreadAfterHandingTheWorkspaceOver() throws Exception {
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        AtomicBoolean opened = new AtomicBoolean();
        CompletableFuture<String> then = new CompletableFuture<>();
        Workspace workspace = workspace(new AtomicBoolean());
        EarlyOpening opening = EarlyOpening.start(target(), firstFrame, steps -> {
            opened.set(true);
            return workspace;
        }, taken -> then.complete(Thread.currentThread().getName() + (taken == workspace ? " with it" : " without")));

        Thread.sleep(300);
        assertThat(opened).as("opened before its signal").isFalse();
        firstFrame.complete(null);

        assertThat(opening.take(step -> { })).isSameAs(workspace);
        assertThat(then.get(10, TimeUnit.SECONDS)).isEqualTo("taskdesk-opening with it");
    }

    @Test
    void whatFollowsTheOpeningIsNotDoneWhenOpeningFailed() {
        AtomicBoolean followed = new AtomicBoolean();
        EarlyOpening opening = EarlyOpening.start(target(), CompletableFuture.completedFuture(null), steps -> {
            throw new TaskDeskException(ErrorCode.DATABASE_DAMAGED, "The file is damaged.");
        }, taken -> followed.set(true));

        assertThatThrownBy(() -> opening.take(step -> { })).isInstanceOf(TaskDeskException.class);
        assertThat(followed).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DatabaseTarget target() {
        return new DatabaseTarget(DatabaseKind.H2, "jdbc:h2:/tmp/early", "", "", "/tmp/early.mv.db", Optional.empty());
    }

    /** A workspace that only notes being closed. */
    private static Workspace workspace(AtomicBoolean closed) {
        return (Workspace) Proxy.newProxyInstance(Workspace.class.getClassLoader(), new Class<?>[] {Workspace.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.set(true);
                    }
                    return null;
                });
    }
}
