/**
 * Cases: the case aggregate, a floor the features stand on. The youth case (case number = the process business key,
 * team, caseworker, status, closure) and the child, the staff who have handled a case (for second opinions), and the
 * case closure delegate, which publishes {@link dk.trappen.cases.CaseClosing} so the features end what runs on the
 * case. Uses no other feature; reading a case with everything on it is {@code casefile}'s.
 */
package dk.trappen.cases;
