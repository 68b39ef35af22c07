/**
 * Security: authentication of staff users (HTTP Basic for the API, with hashed passwords from the org feature), the
 * role rules of each URL space, and the current user for the services. The engine REST API requires an admin.
 */
package dk.trappen.security;
