package org.taskdesk.accounts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.workspace.Workspace;

/**
 * Every test of {@link AccountServiceTest} again, on a local file opened as the command line opens it: plain SQL instead of
 * Hibernate (ADR 0017), which must store and read exactly what Hibernate does. A shared server is opened the same
 * way by both, so its runs are left to {@link AccountServiceTest}.
 */
class AccountServiceOverPlainSqlTest extends AccountServiceTest {
    @Override
    Workspace openWorkspace(String url) {
        assumeTrue(new DatabaseUrl(folder, folder).parse(url).kind() == DatabaseKind.H2, "the same as AccountServiceTest's");
        return TestWorkspaces.openForCommand(url, folder, clock);
    }
}
