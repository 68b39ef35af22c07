/**
 * Administration: what an administrator ({@code ADMIN}) does to let a municipality's staff in — teams created,
 * renamed and deactivated; staff users created, edited (name, e-mail, role, team), deactivated and reactivated, their
 * password reset and their sign-in unlocked — through pages ({@code /admin/...}) and the API ({@code /api/admin/...}),
 * with the rules in one policy ({@link dk.trappen.administration.StaffPolicy}) and every change audited (who changed
 * what, from what, to what). Also the first administrator of an empty production database, from
 * {@code TRAPPEN_ADMIN_USERNAME} and {@code TRAPPEN_ADMIN_PASSWORD} ({@link dk.trappen.administration.FirstAdministrator}).
 * Owns no tables: the teams and staff are {@code org}'s, changed through {@code OrgService}.
 */
package dk.trappen.administration;
