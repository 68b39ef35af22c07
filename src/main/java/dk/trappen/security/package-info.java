/**
 * Security: authentication of staff users (HTTP Basic for the API, with hashed passwords from the org feature), the
 * role rules of each URL space, and the current user for the services. The engine REST API requires an admin.
 * Every sign-in and failed sign-in (form, HTTP Basic, OpenID Connect) and every refused request is audited; repeated
 * failures per user name or client address lock sign-in for a while ({@code SignInThrottle}), and an administrator
 * unlocks.
 */
package dk.trappen.security;
