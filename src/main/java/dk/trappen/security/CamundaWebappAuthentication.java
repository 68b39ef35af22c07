package dk.trappen.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One identity for the engine: the Camunda webapps (Cockpit, Admin) trust Trappen's sign-in instead of their own
 * password form. Trappen's {@code ADMIN} is the engine's administrator (member of {@code camunda-admin}); there is no
 * second password, no engine user to set up and no first-user setup page (refused in {@link EngineApiAccess}).
 *
 * <p>Camunda's {@link ContainerBasedAuthenticationFilter}, registered after Spring Security's filter chain on the
 * webapps' pages and APIs, asks {@link Provider} who is signed in; Spring Security has already refused everyone but
 * an administrator there.
 */
@Configuration
class CamundaWebappAuthentication {

  CamundaWebappAuthentication(Environment environment) {
    // an engine user of its own would be a second identity with a second password: refused in every profile
    if (environment.containsProperty("camunda.bpm.admin-user.id")) {
      throw new IllegalStateException("camunda.bpm.admin-user: remove it; Trappen's administrators (role ADMIN) are "
          + "the engine's administrators, signed in through Trappen");
    }
  }

  /**
   * The engine's own identity service is read-only and holds no one: no engine user can be created (not through the
   * Admin webapp, the REST API or its first-user setup, which Camunda offers only while its identity is writable).
   */
  @Bean
  ProcessEnginePlugin readOnlyEngineIdentity() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(
            new GenericManagerFactory(DbReadOnlyIdentityServiceProvider.class));
      }
    };
  }

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffAuthenticationFilter());
    registration.setName("trappen-camunda-container-authentication");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        Provider.class.getName()));
    // after Spring Security's filter chain, which signs the user in from the session
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns(webappPath + "/app/*", webappPath + "/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  /**
   * Builds the webapps' authentication from the staff member without looking them up among the engine's own users
   * (there are none): Cockpit, Admin and the welcome page; never the Tasklist.
   */
  static class StaffAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    private static final Set<String> APPS = Set.of("cockpit", "admin", "welcome");

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
        List<String> tenants) {
      UserAuthentication authentication = new UserAuthentication(username, engine.getName());
      authentication.setGroupIds(groups);
      authentication.setTenantIds(tenants);
      authentication.setAuthorizedApps(new HashSet<>(APPS));
      return authentication;
    }
  }

  /** The engine user of the webapps: the staff member signed in to Trappen, if an administrator. */
  public static class Provider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth == null || !auth.isAuthenticated()
          || auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
        return AuthenticationResult.unsuccessful();
      }
      AuthenticationResult result = AuthenticationResult.successful(auth.getName());
      result.setGroups(List.of(Groups.CAMUNDA_ADMIN));
      result.setTenants(List.of());
      return result;
    }
  }
}
