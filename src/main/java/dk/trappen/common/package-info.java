/**
 * Common: the few things every feature shares — the names of the process variables that route the BPMN processes,
 * the RFC 9457 problem-details handling of the API, and the exceptions that map to it. No domain data lives here.
 */
package dk.trappen.common;
