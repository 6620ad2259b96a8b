package org.taskdesk.sync;

/**
 * One page of a pull: the server's clock, whether the replica must start again from nothing ({@code resync}), the
 * greatest version in the page, whether more follow, and the page itself as the protocol's JSON, which the replica
 * merges.
 */
public record PulledPage(String serverClock, boolean resync, long version, boolean more, String json) {
}
