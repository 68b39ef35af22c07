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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import java.time.Clock;
import java.time.Duration;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * URL security. The API is stateless HTTP Basic against the staff users; the pages use form sign-in with a session
 * and CSRF protection. The engine's APIs (its REST API and the Cockpit and Admin webapps, which trust Trappen's
 * sign-in: {@link CamundaWebappAuthentication}) are for an administrator, and only for the operations of
 * {@link EngineApiPolicy}. Metrics and the API's description need an administrator (or, for metrics, the scrape
 * credential); health is open.
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

  /** bcrypt (through Spring's delegating encoder), with successful checks remembered briefly. */
  @Bean
  PasswordEncoder passwordEncoder(Clock clock,
      @Value("${trappen.security.verified-password-cache:5m}") Duration verifiedFor) {
    if (verifiedFor.isNegative()) {
      throw new IllegalStateException("trappen.security.verified-password-cache: must not be negative");
    }
    return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), verifiedFor, clock);
  }

  @Bean
  UserDetailsService userDetailsService(OrgService org, PasswordEncoder encoder,
      @Value("${trappen.security.metrics.username:}") String scrapeUser,
      @Value("${trappen.security.metrics.password:}") String scrapePassword) {
    if (!scrapeUser.isBlank() && scrapePassword.length() < 16) {
      throw new IllegalStateException("trappen.security.metrics.password: the metrics scrape credential needs a "
          + "password of at least 16 characters");
    }
    // the scrape credential: role METRICS only, which opens the metrics and nothing else
    UserDetails scraper = scrapeUser.isBlank() ? null : User.withUsername(scrapeUser)
        .password(encoder.encode(scrapePassword)).authorities(new SimpleGrantedAuthority("ROLE_METRICS")).build();
    return username -> scraper != null && scraper.getUsername().equals(username)
        ? User.withUserDetails(scraper).build()
        : org.credentials(username)
        .map(u -> User.withUsername(u.getUsername())
            .password(u.getPasswordHash())
            .authorities(new SimpleGrantedAuthority("ROLE_" + u.getRole().name()))
            // a deactivated user cannot sign in (and AccountStateFilter ends their sessions)
            .disabled(!u.isActive())
            .build())
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, SignInGuard signIn, OrgService org,
      @Value("${trappen.security.max-json-body:256KB}") DataSize maxJsonBody,
      @Value("${spring.servlet.multipart.max-request-size:21MB}") DataSize maxUpload) throws Exception {
    int maxBody = (int) maxJsonBody.toBytes();
    http
        .securityMatcher(new OrRequestMatcher(paths("/api/**", "/engine-rest/**")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            // operators only, and only the operations of EngineApiPolicy: no deployment, no task completion
            .requestMatchers(paths("/engine-rest/**")).access(new EngineApiAccess(json, maxBody))
            .requestMatchers(paths("/api/demo/**")).hasRole("ADMIN")
            .requestMatchers(PATH.matcher(HttpMethod.POST, "/api/notifications"))
            .hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .requestMatchers(paths("/api/reassignments/**")).hasRole("TEAM_LEADER")
            // the team leader decides on a caseworker's request to extend or pause a deadline (issue 20)
            .requestMatchers(paths("/api/cases/*/deadlines/*/extensions/*/decision")).hasRole("TEAM_LEADER")
            .requestMatchers(paths("/api/oversight/**", "/api/cases/*/audit")).hasAnyRole("TEAM_LEADER", "HEAD")
            // the strategy's figures (issue 21): a team leader's and a head's
            .requestMatchers(paths("/api/figures", "/api/figures/**")).hasAnyRole("TEAM_LEADER", "HEAD")
            .requestMatchers(paths("/api/admin/**")).hasRole("ADMIN")
            // the bell: everyone's own news but the administrator's, who reads no case content
            .requestMatchers(paths("/api/me/**")).hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER", "HEAD")
            // a head of department reads the cases of their teams and changes nothing
            .requestMatchers(PATH.matcher(HttpMethod.GET, "/api/cases/**")).hasAnyRole("CASEWORKER", "TEAM_LEADER",
                "HEAD", "INTAKE")
            // a document's content: read as the case is (CaseAccess lets only the case's team and head through)
            .requestMatchers(PATH.matcher(HttpMethod.GET, "/api/documents/**")).hasAnyRole("CASEWORKER",
                "TEAM_LEADER", "HEAD", "INTAKE")
            // a letter is case content: read as the case (CaseAccess decides per letter: intake gets "not found")
            .requestMatchers(PATH.matcher(HttpMethod.GET, "/api/letters/**")).hasAnyRole("CASEWORKER",
                "TEAM_LEADER", "HEAD", "INTAKE")
            .requestMatchers(paths("/api/**")).hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .anyRequest().denyAll())
        .authenticationProvider(signIn.lockCheck())
        .exceptionHandling(e -> e.accessDeniedHandler(signIn.refusals()))
        .httpBasic(basic -> basic.authenticationEntryPoint(signIn.basicEntryPoint()))
        // the engine policy reads a query's body: it is kept for the engine to read again
        .addFilterBefore(replayableBodies(maxBody), AuthorizationFilter.class)
        .addFilterBefore(new AccountStateFilter(org, json, true), AuthorizationFilter.class)
        // after the authorization: an anonymous caller learns 401, not the size limit or the media type
        .addFilterAfter(new RequestBodyLimitFilter(maxJsonBody.toBytes(), maxUpload.toBytes(), json),
            AuthorizationFilter.class)
        .addFilterAfter(new JsonOnlyWritesFilter(json), RequestBodyLimitFilter.class);
    return http.build();
  }

  /**
   * The Camunda webapps (Cockpit and Admin; the Tasklist is refused): for a signed-in administrator only, through
   * Trappen's own sign-in (an anonymous visitor is sent to it; the webapps' password form and first-user setup are
   * refused), and their APIs only as far as {@link EngineApiPolicy} allows. The webapps' own CSRF protection and
   * Content-Security-Policy stay; frames are denied.
   */
  @Bean
  @Order(2)
  SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectMapper json, SignInGuard signIn,
      @Value("${trappen.security.max-json-body:256KB}") DataSize maxJsonBody) throws Exception {
    int maxBody = (int) maxJsonBody.toBytes();
    RequestMatcher webappApis = PATH.matcher("/camunda/api/**");
    http
        .securityMatcher(PATH.matcher("/camunda/**"))
        // the webapps send their own CSRF token (their CsrfPreventionFilter checks it)
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/camunda/app/tasklist/**")).denyAll()
            .requestMatchers(webappApis).access(new EngineApiAccess(json, maxBody))
            .anyRequest().hasRole("ADMIN"))
        .exceptionHandling(e -> e
            .accessDeniedHandler(signIn.refusals())
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApis)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                AnyRequestMatcher.INSTANCE))
        .addFilterBefore(replayableBodies(maxBody), AuthorizationFilter.class)
        .headers(headers -> headers
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /** Wraps requests to the engine's APIs so that {@link EngineApiAccess} can read a query's body before the engine. */
  private static Filter replayableBodies(int maxBody) {
    return (request, response, chain) -> chain.doFilter(request instanceof HttpServletRequest r
        && !"GET".equals(r.getMethod()) ? new EngineApiAccess.ReplayableBody(r, maxBody) : request, response);
  }

  /**
   * Operations' endpoints: health is open (without details); metrics and the rest need an administrator signed in to
   * the pages, or the scrape credential over HTTP Basic ({@code trappen.security.metrics.username} and
   * {@code .password}, role {@code METRICS}).
   */
  @Bean
  @Order(3)
  SecurityFilterChain actuator(HttpSecurity http, SignInGuard signIn) throws Exception {
    http
        .securityMatcher(PATH.matcher("/actuator/**"))
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .anyRequest().hasAnyRole("ADMIN", "METRICS"))
        .authenticationProvider(signIn.lockCheck())
        .exceptionHandling(e -> e.accessDeniedHandler(signIn.refusals()))
        .httpBasic(basic -> basic.authenticationEntryPoint(signIn.basicEntryPoint()));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidcProviders,
      StaffOidcUserService staffOidcUsers, SignInGuard signIn, OrgService org, ObjectMapper json,
      @Value("${server.tomcat.max-http-form-post-size:256KB}") DataSize maxForm,
      @Value("${spring.servlet.multipart.max-request-size:21MB}") DataSize maxUpload) throws Exception {
    http
        // before the CSRF check, which reads a multipart body to find the token
        .addFilterBefore(new PageUploadLimitFilter(maxForm.toBytes(), maxUpload.toBytes()), CsrfFilter.class)
        .addFilterBefore(new AccountStateFilter(org, json, false), AuthorizationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")).permitAll()
            // the API's description is for integrators, set up by an administrator
            .requestMatchers(paths("/api-docs", "/api-docs/**", "/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html"))
            .hasRole("ADMIN")
            .requestMatchers(paths("/admin/**")).hasRole("ADMIN")
            .requestMatchers(paths("/oversight/**")).hasAnyRole("TEAM_LEADER", "HEAD")
            .requestMatchers(paths("/figures", "/figures.csv", "/figures/**")).hasAnyRole("TEAM_LEADER", "HEAD")
            .requestMatchers(paths("/cases/*/deadlines/*/extensions/*/decision")).hasRole("TEAM_LEADER")
            .requestMatchers(paths("/bell", "/bell/**")).hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER", "HEAD")
            .requestMatchers(PATH.matcher(HttpMethod.GET, "/cases/**")).hasAnyRole("INTAKE", "CASEWORKER",
                "TEAM_LEADER", "HEAD")
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
    // OpenID Connect sign-in, switched on by configuring a client registration (see docs/security.md)
    if (oidcProviders.getIfAvailable() != null) {
      // someone the identity provider knows but Trappen does not (or has deactivated) gets a page that says so
      http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/", false)
          .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffOidcUsers))
          .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
              + (StaffOidcUserService.refusedAsStaff(failure) ? "/login?notStaff" : "/login?error"))));
    }
    return http.build();
  }
}
