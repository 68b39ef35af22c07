/**
 * Org: the municipality's teams and staff users with their role (intake, caseworker, team leader, admin) and team,
 * and the Camunda candidate groups a user belongs to.
 */
package dk.trappen.org;
