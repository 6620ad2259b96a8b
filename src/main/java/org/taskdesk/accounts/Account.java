package org.taskdesk.accounts;

/** A person's account as the rest of the program sees it: never the password hash. */
public record Account(int id, String email, String name) {
}
