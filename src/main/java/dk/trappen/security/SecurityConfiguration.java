package dk.trappen.security;

import dk.trappen.org.OrgService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * URL security. The API uses HTTP Basic against the staff users; the engine REST API needs an admin; the Camunda
 * webapps (Cockpit, Tasklist, Admin) have their own sign-in against the engine's identity service.
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
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    http
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/engine-rest/**", "/camunda/**"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
            .requestMatchers("/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/engine-rest/**").hasRole("ADMIN")
            .requestMatchers("/camunda/**").permitAll()
            .requestMatchers("/api/demo/**").hasRole("ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/notifications").hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .requestMatchers("/api/oversight/**").hasRole("TEAM_LEADER")
            .requestMatchers("/api/**").hasAnyRole("INTAKE", "CASEWORKER", "TEAM_LEADER")
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }
}
