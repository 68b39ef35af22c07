package dk.trappen.administration;

import dk.trappen.administration.AdministrationService.TeamView;
import dk.trappen.org.StaffAccount;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Teams and staff users, for administrators ({@code ADMIN}; every other role is refused). The bodies are checked by
 * {@link AdministrationService} (their constraints and {@link StaffPolicy} together), so that one answer names every
 * problem.
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Teams and staff users, for administrators")
class AdministrationApiController {

  private final AdministrationService administration;
  private final CurrentUser currentUser;

  AdministrationApiController(AdministrationService administration, CurrentUser currentUser) {
    this.administration = administration;
    this.currentUser = currentUser;
  }

  /** A password an administrator sets for a user. */
  record PasswordReset(String password) {
  }

  @GetMapping("/teams")
  @Operation(summary = "Every team, active or not")
  List<TeamView> teams() {
    return administration.teams();
  }

  @PostMapping("/teams")
  @Operation(summary = "Create a team")
  ResponseEntity<TeamView> createTeam(@RequestBody NewTeam in) {
    TeamView team = administration.createTeam(in, currentUser.get());
    return ResponseEntity.created(URI.create("/api/admin/teams/" + team.code())).body(team);
  }

  @PatchMapping("/teams/{code}")
  @Operation(summary = "Rename a team, or deactivate or reactivate it (a team with active staff stays active)")
  TeamView updateTeam(@PathVariable String code, @RequestBody TeamChanges changes) {
    return administration.updateTeam(code, changes, currentUser.get());
  }

  @GetMapping("/users")
  @Operation(summary = "Every staff user with role, team and account state (never a password)")
  List<StaffAccount> users() {
    return administration.users();
  }

  @GetMapping("/users/{username}")
  @Operation(summary = "One staff user")
  StaffAccount user(@PathVariable String username) {
    return administration.user(username);
  }

  @PostMapping("/users")
  @Operation(summary = "Create a staff user with a first password, to be changed at the first sign-in")
  ResponseEntity<StaffAccount> createUser(@RequestBody NewStaffUser in) {
    StaffAccount created = administration.createUser(in, currentUser.get());
    return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
  }

  @PatchMapping("/users/{username}")
  @Operation(summary = "Change a staff user's name, e-mail, role, team or active state; what is left out stays. A "
      + "deactivated user cannot sign in, and their sessions end at their next request")
  StaffAccount updateUser(@PathVariable String username, @RequestBody StaffChanges changes) {
    return administration.updateUser(username, changes, currentUser.get());
  }

  @PostMapping("/users/{username}/password")
  @Operation(summary = "Set a new password for a user, who must choose their own at the next sign-in")
  ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordReset in) {
    administration.resetPassword(username, in.password(), currentUser.get());
    return ResponseEntity.noContent().build();
  }
}
