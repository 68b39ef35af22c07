/**
 * The bell: the header's "Nyt" with its count, its page ({@code GET /bell}) and {@code GET /api/me/bell} — what was
 * newly assigned to the signed-in staff member and what escalated to them since they last looked, and beneath it what
 * they have seen of the last {@value dk.trappen.bell.BellService#WINDOW_DAYS} days. Owns only the per-user seen marker
 * ({@code bell_seen}); the items are other features' and are read through their services: the open tasks that became
 * the user's, and when, from {@link dk.trappen.tasks.AssignedTasks} (the assignment time is recorded by {@code tasks}
 * as the engine assigns, because the engine keeps none and a task's create time is wrong for one reassigned or claimed
 * later), and the escalation notices addressed to the user from {@link dk.trappen.deadlines.AddressedNotices}.
 *
 * <p>Opening the page marks as seen everything up to the newest item it showed (not up to "now"): an item assigned
 * while the page was being read is newer, and stays new. The marker only moves forward, with a conditional update, so
 * two tabs opened at once cannot move it back. The page and the API record a read of each case they name; the
 * header's count names no case and is not recorded. An administrator reads no case content and has no bell.
 */
package dk.trappen.bell;
