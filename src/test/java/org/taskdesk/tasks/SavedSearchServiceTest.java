package org.taskdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.FilterSyntaxException;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/** Saved searches on a real H2 file and a real PostgreSQL database, through the workspace as the app opens it. */
class SavedSearchServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path folder;

    private String url;
    private Workspace workspace;
    private UserSession ann;
    private UserSession bob;

    private void open(DatabaseKind kind) {
        url = TestWorkspaces.freshUrl(kind, folder);
        workspace = TestWorkspaces.open(url, folder, clock);
        workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
        workspace.accounts().signUp("bob@example.com", "Bob", "bob password");
        signIn();
    }

    private void signIn() {
        ann = workspace.accounts().signIn("ann@example.com", "ann password", false);
        bob = workspace.accounts().signIn("bob@example.com", "bob password", false);
    }

    private SavedSearchService searches() {
        return workspace.savedSearches();
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void savedSearchesAreKeptPerPersonAcrossARestartInOrderOfName(DatabaseKind kind) {
        open(kind);
        searches().save(ann, "  work this week ", "is:open & (#work due:7d)");
        searches().save(ann, "Errands", "#errands | #shopping");
        searches().save(bob, "Work this week", "#work");

        workspace.close();
        workspace = TestWorkspaces.openMigrated(url, folder, clock);
        signIn();

        assertThat(searches().list(ann)).extracting(SavedSearch::name, SavedSearch::filter).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Errands", "#errands | #shopping"),
                org.assertj.core.groups.Tuple.tuple("work this week", "is:open & (#work due:7d)"));
        assertThat(searches().list(bob)).extracting(SavedSearch::filter).containsExactly("#work");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void renameAndDeleteReachOnlyOnesOwnSavedSearches(DatabaseKind kind) {
        open(kind);
        SavedSearch anns = searches().save(ann, "Work", "#work");

        assertThat(assertThrows(TaskDeskException.class, () -> searches().rename(bob, anns.id(), "Mine now")).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(assertThrows(TaskDeskException.class, () -> searches().delete(bob, anns.id())).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(searches().list(ann)).containsExactly(anns);

        SavedSearch renamed = searches().rename(ann, anns.id(), "Office");
        assertThat(renamed).isEqualTo(new SavedSearch(anns.id(), "Office", "#work"));
        searches().delete(ann, anns.id());
        assertThat(searches().list(ann)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNameIsUsedOnceWhateverItsCaseAndItsFilterMustRead(DatabaseKind kind) {
        open(kind);
        SavedSearch work = searches().save(ann, "Work", "#work");
        SavedSearch home = searches().save(ann, "Home", "#home");

        TaskDeskException taken = assertThrows(TaskDeskException.class, () -> searches().save(ann, "WORK", "#x"));
        assertThat(taken.getMessage()).isEqualTo("You already have a saved search named \"Work\": choose another name.");
        assertThrows(TaskDeskException.class, () -> searches().rename(ann, home.id(), "work "));
        assertThat(assertThrows(TaskDeskException.class, () -> searches().save(ann, " ", "#x")).code())
                .isEqualTo(ErrorCode.INVALID_INPUT);
        assertThrows(TaskDeskException.class, () -> searches().save(ann, "x".repeat(101), "#x"));
        FilterSyntaxException unread = assertThrows(FilterSyntaxException.class,
                () -> searches().save(ann, "Broken", "(#work"));
        assertThat(unread.position()).isEqualTo(0);
        assertThrows(TaskDeskException.class, () -> searches().save(ann, "Empty", "  "));

        // Its own name in another case is a rename, not a clash; a hundred emoji are a hundred characters.
        assertThat(searches().rename(ann, work.id(), "WORK").name()).isEqualTo("WORK");
        assertThat(searches().save(ann, "😀".repeat(100), "#fun").name()).hasSize(200);
        assertThat(searches().list(ann)).extracting(SavedSearch::name).contains("Home", "WORK");
    }
}
