/**
 * Common: the few things every feature shares — the names of the process variables that route the BPMN processes,
 * the RFC 9457 problem-details handling of the API, the exceptions that map to it, and the rule that text input
 * holds no control characters ({@link dk.trappen.common.ControlCharacters}). A refusal is a list of
 * {@link dk.trappen.common.Problem}s (field, code, arguments): the code is a key of the message bundles, the API
 * renders it in the request's Accept-Language (English by default), the pages in the user's language; no code reads a
 * rendered message back. No domain data lives here.
 */
package dk.trappen.common;
