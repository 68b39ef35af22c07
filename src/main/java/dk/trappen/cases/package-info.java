/**
 * Cases: the youth case (case number = the process business key, team, caseworker, status, closure) and the child,
 * the staff who have handled a case (for second opinions), the case closure delegate, and the case API that
 * assembles a case with its notifications, interventions, step history and deadlines from the other features.
 */
package dk.trappen.cases;
