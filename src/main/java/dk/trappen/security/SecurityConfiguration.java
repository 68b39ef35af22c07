package dk.trappen.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.org.OrgService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * URL security. The API is stateless HTTP Basic against the staff users; the engine REST API needs an admin; the
 * pages use form sign-in with a session and CSRF protection; the Camunda webapps (Cockpit, Tasklist, Admin) have
 * their own sign-in against the engine's identity service.
 *
 * <p>Headers: the pages get a strict Content-Security-Policy ({@link #PAGE_CSP}: no inline scripts or styles), frame
 * denial, {@code Referrer-Policy: same-origin} and {@code X-Content-Type-Options: nosniff}. The Camunda webapps need
 * inline scripts and write their own nonce-based policy (with {@code frame-ancestors 'none'}); their chain keeps
 * frame denial and the other headers but adds no second policy, which would intersect with theirs and break them.
 */
@Configuration
class SecurityConfiguration {

  /** The Content-Security-Policy of Trappen's own pages. */
  static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

  /**
   * Matches the path within the application, whichever servlet serves it. Spring MVC's default matchers look at the
   * path within the DispatcherServlet only, so they never match the engine REST API (Jersey) or the Camunda webapps,
   * which would fall through to the pages' rules (where any signed-in user passes).
   */
  private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

  private static RequestMatcher[] paths(String... patterns) {
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = PATH.matcher(patterns[i]);
    }
    return matchers;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService userDetailsService(OrgService org) {
    return username -> org.credentials(username)
        .map(u -> User.withUsername(u.getUsername())
            .password(u.getPasswordHash())
            .authorities(new SimpleGrantedAuthority("ROLE_" + u.getRole().name()))
            .build())
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, SignInGuard signIn,
      @Value("${trappen.security.max-json-body:256KB}") DataSize maxJsonBody) throws Exception {
    http
        .securityMatcher(new OrRequestMatcher(paths("/api/**", "/engine-rest/**")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/engine-rest/**")).hasRole("ADMIN")
            .requestMatchers(paths("/api/demo/**")).hasRole("ADMIN")
            .requestMatchers(PATH.matcher(HttpMethod.POST, "/api/notifications"))
            .hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .requestMatchers(paths("/api/oversight/**", "/api/cases/*/audit")).hasRole("TEAM_LEADER")
            .requestMatchers(paths("/api/admin/**")).hasRole("ADMIN")
            .requestMatchers(paths("/api/**")).hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .anyRequest().denyAll())
        .authenticationProvider(signIn.lockCheck())
        .exceptionHandling(e -> e.accessDeniedHandler(signIn.refusals()))
        .httpBasic(basic -> basic.authenticationEntryPoint(signIn.basicEntryPoint()))
        // after the authorization: an anonymous caller learns 401, not the size limit
        .addFilterAfter(new RequestBodyLimitFilter(maxJsonBody.toBytes(), json), AuthorizationFilter.class);
    return http.build();
  }

  /** The Camunda webapps: their own sign-in, CSRF protection and Content-Security-Policy; frames denied. */
  @Bean
  @Order(2)
  SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    http
        .securityMatcher(PATH.matcher("/camunda/**"))
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .headers(headers -> headers
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcProviders,
      StaffOidcUserService staffOidcUsers, SignInGuard signIn) throws Exception {
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")).permitAll()
            .requestMatchers(paths("/actuator/health/**", "/actuator/prometheus")).permitAll()
            .requestMatchers(paths("/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")).permitAll()
            .requestMatchers(paths("/admin/**")).hasRole("ADMIN")
            .requestMatchers(paths("/oversight/**")).hasRole("TEAM_LEADER")
            // case work, as on the API: the administrator runs the system and sees no case data
            .requestMatchers(paths("/tasks/**", "/intake/**", "/cases/**")).hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .anyRequest().authenticated())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .authenticationProvider(signIn.lockCheck())
        .exceptionHandling(e -> e.accessDeniedHandler(signIn.refusals()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(signIn.formFailure())
            .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    // OpenID Connect sign-in, switched on by configuring a client registration (see README, "Signing in")
    if (oidcProviders.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/", false)
          .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffOidcUsers)));
    }
    return http.build();
  }
}
