/**
 * Figures: the strategy's steering figures for a team leader (their own teams) and a head of department (all their
 * teams, side by side) over a period of whole months (issue 21; docs/figures.md defines every measure) — youth
 * satisfaction against the goal with the youth's own words, the staircase's flow, progression and the interventions
 * whose goals have stalled, outcome indicators, safety plans, intake, weighted caseload and money — as JSON
 * ({@code GET /api/figures}), a page with charts and tables ({@code GET /figures}) and a CSV export
 * ({@code GET /figures.csv}).
 *
 * <p>A read model: it owns no table and writes nothing but the audit of its reads. It reads the features' tables
 * (youth_case, intervention, network_meeting, goal_progress, notification, outcome_record, safety_plan,
 * safety_plan_review) through SQL aggregations grouped by team, month and step in the database, never through another
 * feature's repository, and never loads cases or meetings one by one; the steps' costs and weights come from
 * {@code staircase.Staircase}, the outcome indicators from {@code outcomes.OutcomeService}. Its settings are
 * {@code trappen.figures} ({@link dk.trappen.figures.FiguresProperties}).
 */
package dk.trappen.figures;
