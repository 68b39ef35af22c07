/**
 * Demo: the living demo of the default profile. On first start it creates two teams, their staff (intake,
 * caseworkers, team leaders, an admin) and a dozen sample cases at several points of the journey, some of them
 * overdue, by driving the real services and the engine with the clock moved back in time.
 */
package dk.trappen.demo;
