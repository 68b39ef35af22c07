/**
 * Investigation: the child-welfare investigation (børnefaglig undersøgelse) of a case — its findings, the youth's own
 * view, the risk level, whether the child is safe at home, whether kin or network can help, the youth's wish and the
 * outcome (intervention or not), which feed the step recommendation — and the interim assessment (foreløbig
 * vurdering) asked for when the investigation turns at risk of not finishing within its deadline, and due with it
 * (it goes away when the investigation finishes first). Owns the investigation and interim-assessment task handlers.
 */
package dk.trappen.investigation;
