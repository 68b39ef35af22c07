/**
 * Common: the few things every feature shares — the names of the process variables that route the BPMN processes,
 * the RFC 9457 problem-details handling of the API, the exceptions that map to it, and the rule that text input
 * holds no control characters ({@link dk.trappen.common.ControlCharacters}). No domain data lives here.
 */
package dk.trappen.common;
