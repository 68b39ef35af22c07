/**
 * Web: what every page shares — the layout's model (signed-in user, role, team, language, the session's timeout),
 * the Danish-first locale with English via message bundles, the sign-in page, the error pages (problem details for
 * the API) and the session keep-alive that lets static/js/session.js keep what is typed when a session ends. The pages
 * themselves live with their features.
 */
package dk.trappen.web;
