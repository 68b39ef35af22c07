package dk.trappen.org;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the production ({@code postgres}) profile, refuses to start while any demo user (created by the demo data, all
 * with the password "demo") exists or while the demo data is switched on, naming what to remove. (The engine has no
 * administrator of its own to check: see security.CamundaWebappAuthentication.) (Staff passwords are not tried against a list at startup:
 * with bcrypt that would cost seconds per user.)
 */
@Component
@Profile("postgres")
class NoDemoCredentialsInProduction implements SmartInitializingSingleton {

  private final StaffUserRepository users;
  private final Environment environment;

  NoDemoCredentialsInProduction(StaffUserRepository users, Environment environment) {
    this.users = users;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (environment.matchesProfiles("demo")) {
      throw new IllegalStateException("spring.profiles.active: the postgres profile cannot run together with demo");
    }
    if (environment.getProperty("trappen.demo.enabled", Boolean.class, false)) {
      throw new IllegalStateException("trappen.demo.enabled: must be false in the postgres profile");
    }
    List<String> refused = users.findAll().stream()
        .filter(StaffUser::isDemo)
        .map(StaffUser::getUsername)
        .sorted()
        .toList();
    if (!refused.isEmpty()) {
      throw new IllegalStateException("The postgres profile refuses to start while demo users exist: "
          + String.join(", ", refused) + ". Remove these users (table staff_user, column demo = true).");
    }
  }
}
