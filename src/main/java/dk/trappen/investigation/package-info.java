/**
 * Investigation: the child-welfare investigation (børnefaglig undersøgelse) of a case — its findings, the youth's own
 * view, the risk level, whether the child is safe at home, whether kin or network can help, the youth's wish and the
 * outcome (intervention or not), which feed the step recommendation — and the interim assessment (foreløbig
 * vurdering) written when the investigation cannot finish within its deadline. Owns the investigation and
 * interim-assessment task handlers.
 */
package dk.trappen.investigation;
