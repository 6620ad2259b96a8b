package org.taskdesk.persistence.server;

/** The signed-in user of a connection to the shared server. */
record Who(int id, String email, String name) {
}
