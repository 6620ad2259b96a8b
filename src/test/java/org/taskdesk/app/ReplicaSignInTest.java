package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FaultyProxy;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.signin.SignInViewModel;
import org.taskdesk.workspace.Workspace;

/**
 * The app on a shared server's client login (ADR 0029): signing in (or up) in the sign-in form makes this device's
 * replica of the account, pulls the server's tasks into it, and the main window's workspace is that replica; a later
 * sign-in while the server cannot be reached opens the replica with its own password check and says so.
 */
class ReplicaSignInTest {
    private static final Map<String, String> ANN = Map.of("TASKDESK_EMAIL", "ann@example.com",
            "TASKDESK_PASSWORD", "ann password", "TASKDESK_BCRYPT_COST", "4");

    @TempDir
    Path folder;

    /** A database at head with a client login for cost-4 hashes; the client login's URL. */
    private String sharedServer() {
        String ownerUrl = TestPostgres.newDatabaseUrl();
        String role = "td_client_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String password = "client password";
        ok("owner", Map.of(), "--database-url", ownerUrl, "db", "upgrade", "head");
        ok("owner", Map.of("TASKDESK_CLIENT_PASSWORD", password, "TASKDESK_BCRYPT_COST", "4"),
                "--database-url", ownerUrl, "server", "setup", "--client-role", role);
        return ownerUrl.replaceFirst("//[^@]+@", "//" + role + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20") + "@");
    }

    private void ok(String device, Map<String, String> variables, String... args) {
        CliResult result = new TaskDeskCli(TestEnvironment.in(folder.resolve(device), variables)).run(args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
    }

    /** Fills the sign-in form (or the sign-up form) and sends it, as the person would. */
    private static UserSession signIn(Workspace workspace, DesktopServices desktop, boolean up, String email) {
        return signIn(workspace, desktop, up, email, "ann password");
    }

    private static UserSession signIn(Workspace workspace, DesktopServices desktop, boolean up, String email,
                                      String password) {
        SignInViewModel form = filled(workspace, desktop, up, email, password);
        AtomicReference<UserSession> signedIn = new AtomicReference<>();
        form.submit(signedIn::set);
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(signedIn.get()).isNotNull();
        return signedIn.get();
    }

    /** The sign-in form's error after sending it with {@code password}, which must fail. */
    private static String refusedSignIn(Workspace workspace, DesktopServices desktop, String password) {
        SignInViewModel form = filled(workspace, desktop, false, "ann@example.com", password);
        AtomicReference<UserSession> signedIn = new AtomicReference<>();
        form.submit(signedIn::set);
        assertThat(signedIn.get()).isNull();
        return form.errorProperty().get();
    }

    private static SignInViewModel filled(Workspace workspace, DesktopServices desktop, boolean up, String email,
                                          String password) {
        SignInViewModel form = new SignInViewModel(workspace.accounts(), desktop, new DirectBackgroundTasks());
        form.signingUpProperty().set(up);
        form.nameProperty().set("Someone");
        form.emailProperty().set(email);
        form.passwordProperty().set(password);
        form.confirmationProperty().set(password);
        return form;
    }

    private static java.util.List<String> titles(Workspace workspace, UserSession user) {
        return workspace.tasks().list(user, TaskQuery.of("is:open")).tasks().stream().map(Task::title).toList();
    }

    @Test
    void signingInOnTheServerOpensTheMainWindowOnAReplicaHoldingTheServersTasks() {
        String server = sharedServer();
        ok("desktop", ANN, "--database-url", server, "account", "create", "--name", "Ann");
        ok("desktop", ANN, "--database-url", server, "tasks", "add", "Buy milk #home");
        Path laptop = folder.resolve("laptop");
        DesktopServices desktop = TestDesktop.backend(laptop, Clock.systemUTC(), server);

        try (Workspace workspace = desktop.openWorkspace(step -> { })) {
            UserSession ann = signIn(workspace, desktop, false, "ann@example.com");

            assertThat(titles(workspace, ann)).containsExactly("Buy milk");
            assertThat(workspace.serverUnreachable()).isEmpty();
            Path replica = ReplicaWorkspace.replicaFile(laptop.resolve("data").resolve("taskdesk"),
                    new DatabaseUrl(laptop, laptop.resolve("home")).parse(server), "ann@example.com");
            assertThat(replica).exists();
            // The main window's workspace is the replica: a task added there is in that file, not yet on the server.
            workspace.tasks().add(ann, new org.taskdesk.domain.tasks.QuickAddParser().parse("Call mum",
                    java.time.ZonedDateTime.now()));
            assertThat(workspace.replica().link(ann.userId())).hasValueSatisfying(link ->
                    assertThat(link.waiting()).isEqualTo(1));
        }
    }

    @Test
    void signingUpInTheAppMakesTheAccountOnTheServerAndItsReplica() {
        String server = sharedServer();
        DesktopServices desktop = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), server);

        try (Workspace workspace = desktop.openWorkspace(step -> { })) {
            UserSession bob = signIn(workspace, desktop, true, "bob@example.com");

            assertThat(titles(workspace, bob)).isEmpty();
            assertThat(workspace.replica().link(bob.userId())).isPresent();
        }
        // The account is on the server: the command line signs in there with it.
        ok("desktop", Map.of("TASKDESK_EMAIL", "bob@example.com", "TASKDESK_PASSWORD", "ann password",
                "TASKDESK_BCRYPT_COST", "4"), "--database-url", server, "tasks", "list");
    }

    /**
     * ADR 30: the device syncs as the login its sign-in handed it. When that login no longer gets in (its holder
     * changed its password, say), the round says so in one line, resuming asks for the password, and signing in
     * again hands a new login; the change made on the device meanwhile reaches the server.
     */
    @Test
    void aDeviceWhoseOwnLoginNoLongerGetsInSignsInAgainAndLosesNothing() throws Exception {
        String server = sharedServer();
        ok("desktop", ANN, "--database-url", server, "account", "create", "--name", "Ann");
        ok("desktop", ANN, "--database-url", server, "tasks", "add", "Buy milk #home");
        DesktopServices desktop = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), server);
        String token;
        try (Workspace workspace = desktop.openWorkspace(step -> { })) {
            UserSession ann = signIn(workspace, desktop, false, "ann@example.com");
            token = ann.token();
            workspace.tasks().add(ann, new org.taskdesk.domain.tasks.QuickAddParser().parse("Call mum",
                    java.time.ZonedDateTime.now()));
            try (java.sql.Connection owner = TestPostgres.connect(server);
                 java.sql.Statement statement = owner.createStatement()) {
                java.util.List<String> logins = new java.util.ArrayList<>();
                try (java.sql.ResultSet rows = statement.executeQuery(
                        "SELECT login_name FROM sessions WHERE login_name IS NOT NULL")) {
                    while (rows.next()) {
                        logins.add(rows.getString(1));
                    }
                }
                assertThat(logins).as("each sign-in handed out a login").isNotEmpty();
                for (String login : logins) {
                    statement.execute("ALTER ROLE \"" + login + "\" PASSWORD 'changed by its holder'");
                }
            }

            org.taskdesk.domain.TaskDeskException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    org.taskdesk.domain.TaskDeskException.class, () -> workspace.sendChanges(ann));
            assertThat(refused.getMessage()).isEqualTo("The server no longer accepts this device's login: sign in "
                    + "again (nothing on this device is lost).");
            assertThat(refused.code()).isEqualTo(org.taskdesk.domain.ErrorCode.NOT_AUTHORIZED);
        }
        DesktopServices later = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), server);
        try (Workspace workspace = later.openWorkspace(step -> { })) {
            assertThat(workspace.accounts().resume(token)).as("asks for the password").isEmpty();
            UserSession ann = signIn(workspace, later, false, "ann@example.com");
            assertThat(titles(workspace, ann)).containsExactlyInAnyOrder("Buy milk", "Call mum");
            assertThat(workspace.replica().link(ann.userId())).hasValueSatisfying(link ->
                    assertThat(link.waiting()).isZero());
        }
        CliResult list = new TaskDeskCli(TestEnvironment.in(folder.resolve("desktop"), ANN))
                .run("--database-url", server, "tasks", "list");
        assertThat(list.out()).contains("Call mum");
    }

    @Test
    void aSignInWhileTheServerCannotBeReachedOpensTheReplicaAndSaysSo() throws Exception {
        String server = sharedServer();
        ok("desktop", ANN, "--database-url", server, "account", "create", "--name", "Ann");
        ok("desktop", ANN, "--database-url", server, "tasks", "add", "Buy milk #home");
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            String throughProxy = proxy.url(server);
            DesktopServices desktop = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), throughProxy);
            try (Workspace workspace = desktop.openWorkspace(step -> { })) {
                workspace.accounts().signOut(signIn(workspace, desktop, false, "ann@example.com"));
            }

            proxy.fail(FaultyProxy.Fault.CUT);
            DesktopServices later = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), throughProxy);
            try (Workspace workspace = later.openWorkspace(step -> { })) {
                UserSession ann = signIn(workspace, later, false, "ann@example.com");

                assertThat(titles(workspace, ann)).containsExactly("Buy milk");
                assertThat(workspace.serverUnreachable()).isPresent();
            }
        }
        assertThat(Files.exists(folder.resolve("laptop"))).isTrue();
    }

    /**
     * The password changed on another device (ADR 0029): the app's sign-in with the new one, which the server accepts,
     * opens this device's replica, whose local account takes it; the edit that waited in the replica is kept and sent.
     * Offline afterwards, the new password opens the replica and the old one does not.
     */
    @Test
    void aPasswordChangedOnAnotherDeviceIsTakenByThisReplicaWhenTheServerAcceptsIt() throws Exception {
        String server = sharedServer();
        ok("desktop", ANN, "--database-url", server, "account", "create", "--name", "Ann");
        try (FaultyProxy proxy = FaultyProxy.toTestPostgres()) {
            String throughProxy = proxy.url(server);
            DesktopServices desktop = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), throughProxy);
            try (Workspace workspace = desktop.openWorkspace(step -> { })) {
                UserSession ann = signIn(workspace, desktop, false, "ann@example.com");
                // Made here and not sent yet: it waits in the replica's outbox.
                workspace.tasks().add(ann, new org.taskdesk.domain.tasks.QuickAddParser().parse("Call mum",
                        java.time.ZonedDateTime.now()));
                workspace.accounts().signOut(ann);
            }
            Map<String, String> newPassword = new java.util.HashMap<>(ANN);
            newPassword.put("TASKDESK_NEW_PASSWORD", "ann's new password");
            ok("desktop", newPassword, "--database-url", server, "account", "passwd");

            DesktopServices later = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), throughProxy);
            try (Workspace workspace = later.openWorkspace(step -> { })) {
                assertThat(refusedSignIn(workspace, later, "ann password")).isNotEmpty();
                UserSession ann = signIn(workspace, later, false, "ann@example.com", "ann's new password");

                assertThat(titles(workspace, ann)).containsExactly("Call mum");
                assertThat(workspace.replica().link(ann.userId())).hasValueSatisfying(link ->
                        assertThat(link.waiting()).isZero());
                workspace.accounts().signOut(ann);
            }
            newPassword.put("TASKDESK_PASSWORD", "ann's new password");
            CliResult onServer = new TaskDeskCli(TestEnvironment.in(folder.resolve("desktop"), newPassword))
                    .run("--database-url", server, "tasks", "list");
            assertThat(onServer.out()).as(onServer.err()).contains("Call mum");

            proxy.fail(FaultyProxy.Fault.CUT);
            DesktopServices offline = TestDesktop.backend(folder.resolve("laptop"), Clock.systemUTC(), throughProxy);
            try (Workspace workspace = offline.openWorkspace(step -> { })) {
                assertThat(refusedSignIn(workspace, offline, "ann password")).isNotEmpty();
                UserSession ann = signIn(workspace, offline, false, "ann@example.com", "ann's new password");
                assertThat(titles(workspace, ann)).containsExactly("Call mum");
                assertThat(workspace.serverUnreachable()).isPresent();
            }
        }
    }
}
