/**
 * Web: what every page shares — the layout's model (signed-in user, role, team, language), the Danish-first locale
 * with English via message bundles, and the sign-in page. The pages themselves live with their features.
 */
package dk.trappen.web;
