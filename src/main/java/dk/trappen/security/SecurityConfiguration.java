package dk.trappen.security;

import dk.trappen.org.OrgService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * URL security. The API is stateless HTTP Basic against the staff users; the engine REST API needs an admin; the
 * pages use form sign-in with a session and CSRF protection; the Camunda webapps (Cockpit, Tasklist, Admin) have
 * their own sign-in against the engine's identity service.
 */
@Configuration
class SecurityConfiguration {

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
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http
        .securityMatcher("/api/**", "/engine-rest/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/engine-rest/**").hasRole("ADMIN")
            .requestMatchers("/api/demo/**").hasRole("ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/notifications").hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .requestMatchers("/api/oversight/**").hasRole("TEAM_LEADER")
            .requestMatchers("/api/**").hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .anyRequest().denyAll())
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
            .requestMatchers("/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/camunda/**").permitAll()
            .requestMatchers("/admin/**").hasRole("ADMIN")
            .requestMatchers("/oversight/**").hasRole("TEAM_LEADER")
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    return http.build();
  }
}
