/**
 * Plan: the action plan (barnets plan / handleplan) and, from the 16th birthday, the youth plan (ungeplan) of a case —
 * the youth's own goals and wishes in their own words, and concrete goals with success criterion, owner, target date
 * and sub-goals — with every earlier version kept; and the aftercare assessment before the 18th birthday. Owns the
 * action-plan, youth-plan and aftercare task handlers.
 */
package dk.trappen.plan;
