package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.org.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every sign-in and failed sign-in, by form, HTTP Basic and OpenID Connect, leaves an audit row and a security log
 * line (never the password); repeated failures lock a user name or a client address for a while, before the password
 * is checked; an administrator unlocks. Each test uses its own users and addresses (from the documentation range
 * 198.51.100.0/24), so that its failures and locks touch no other test.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Sign-ins are audited and brute force is slowed")
class SignInAuditTest extends SecurityTestSupport {

  private static final Instant T0 = Instant.parse("2027-05-03T08:00:00Z");
  private static final String WRONG = "Hemmelig-Kode-77";
  private static final Set<String> USERS = Set.of("tove", "ulla", "vagn", "walter", "xenia", "yrsa", "zakarias");

  @Autowired
  private AuditService audit;
  @Autowired
  private PasswordEncoder encoder;
  @Autowired
  private ObjectMapper json;
  @Autowired
  private ApplicationEventPublisher events;
  @Autowired
  private AuthenticationEventPublisher authenticationEvents;

  @BeforeEach
  void usersAndClock() {
    for (String u : USERS) {
      if (org.member(u).isEmpty()) {
        org.createUser(u, u, Role.INTAKE, null, encoder.encode(PASSWORD), false);
      }
    }
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("a form sign-in and a failed one leave one audit row each and a security log line, with the address "
      + "and without the password")
  void formSignInsAreAudited(CapturedOutput output) throws Exception {
    long signIns = audit.count(AuditAction.SIGN_IN);
    long failures = audit.count(AuditAction.SIGN_IN_FAILED);

    assertThat(form("vagn", PASSWORD, "198.51.100.1").getRedirectedUrl()).isEqualTo("/");
    assertThat(form("vagn", WRONG, "198.51.100.1").getRedirectedUrl()).isEqualTo("/login?error");

    assertThat(audit.count(AuditAction.SIGN_IN)).isEqualTo(signIns + 1);
    assertThat(audit.count(AuditAction.SIGN_IN_FAILED)).isEqualTo(failures + 1);
    assertThat(rowsOf("vagn")).containsExactly(
        "SIGN_IN sign-in: form 198.51.100.1 null",
        "SIGN_IN_FAILED sign-in: form 198.51.100.1 bad-credentials");
    assertThat(output.getOut()).contains("sign-in: user 'vagn' by form from 198.51.100.1")
        .contains("sign-in failed: user 'vagn' by form from 198.51.100.1: bad-credentials");
    // a CPR number typed as the user name reaches neither the audit nor the log
    assertThat(form("0101901234", WRONG, "198.51.100.1").getRedirectedUrl()).isEqualTo("/login?error");
    assertThat(rowsOf("**********")).contains("SIGN_IN_FAILED sign-in: form 198.51.100.1 bad-credentials");
    assertThat(output.getAll()).doesNotContain(WRONG).doesNotContain("0101901234");
    assertThat(audit.between(Instant.EPOCH, T0.plus(Duration.ofDays(1))).toString()).doesNotContain(WRONG)
        .doesNotContain("0101901234");
  }

  @Test
  @DisplayName("HTTP Basic: a failure is recorded each time, a success once per user and address in five minutes "
      + "rather than per request")
  void basicSignInsAreAudited() throws Exception {
    long signIns = audit.count(AuditAction.SIGN_IN);
    long failures = audit.count(AuditAction.SIGN_IN_FAILED);
    for (int i = 0; i < 3; i++) {
      assertThat(basic("walter", PASSWORD, "198.51.100.2").getStatus()).isEqualTo(200);
    }
    assertThat(basic("walter", WRONG, "198.51.100.2").getStatus()).isEqualTo(401);
    assertThat(audit.count(AuditAction.SIGN_IN)).isEqualTo(signIns + 1);
    assertThat(audit.count(AuditAction.SIGN_IN_FAILED)).isEqualTo(failures + 1);

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(6))));
    assertThat(basic("walter", PASSWORD, "198.51.100.2").getStatus()).isEqualTo(200);
    assertThat(basic("walter", PASSWORD, "198.51.100.2").getStatus()).isEqualTo(200);
    assertThat(audit.count(AuditAction.SIGN_IN)).isEqualTo(signIns + 2);
    assertThat(rowsOf("walter")).containsExactly(
        "SIGN_IN sign-in: basic 198.51.100.2 null",
        "SIGN_IN_FAILED sign-in: basic 198.51.100.2 bad-credentials",
        "SIGN_IN sign-in: basic 198.51.100.2 null");
  }

  @Test
  @DisplayName("five wrong passwords lock the user name for 15 minutes: the sign-in page says so, the right password "
      + "is refused without being checked, from any address, until the lock runs out")
  void fiveFailuresLockTheUserName() throws Exception {
    long signIns = audit.count(AuditAction.SIGN_IN);
    long failures = audit.count(AuditAction.SIGN_IN_FAILED);
    for (int i = 1; i <= 4; i++) {
      assertThat(form("xenia", WRONG, "198.51.100.3").getRedirectedUrl()).as("failure " + i).isEqualTo("/login?error");
    }
    assertThat(form("xenia", WRONG, "198.51.100.3").getRedirectedUrl()).as("the fifth failure locks")
        .isEqualTo("/login?locked");
    assertThat(form("xenia", PASSWORD, "198.51.100.3").getRedirectedUrl()).isEqualTo("/login?locked");
    assertThat(form("xenia", PASSWORD, "198.51.100.33").getRedirectedUrl()).isEqualTo("/login?locked");
    assertThat(audit.count(AuditAction.SIGN_IN)).isEqualTo(signIns);
    assertThat(audit.count(AuditAction.SIGN_IN_FAILED)).isEqualTo(failures + 7);
    assertThat(rowsOf("xenia")).endsWith(
        "SIGN_IN_FAILED sign-in: form 198.51.100.3 bad-credentials, now locked (user)",
        "SIGN_IN_FAILED sign-in: form 198.51.100.3 locked-user",
        "SIGN_IN_FAILED sign-in: form 198.51.100.33 locked-user");

    String page = mvc.perform(get("/login").param("locked", "")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Log ind er spærret i 15 minutter");
    String english = mvc.perform(get("/login").param("locked", "").param("lang", "en"))
        .andReturn().getResponse().getContentAsString();
    assertThat(english).contains("Signing in is locked for 15 minutes");

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofMinutes(15)).plusSeconds(1)));
    assertThat(form("xenia", PASSWORD, "198.51.100.3").getRedirectedUrl()).isEqualTo("/");
    assertThat(audit.count(AuditAction.SIGN_IN)).isEqualTo(signIns + 1);
  }

  @Test
  @DisplayName("a successful sign-in resets the user name's count of failures")
  void successResetsTheCount() throws Exception {
    for (int i = 0; i < 4; i++) {
      form("zakarias", WRONG, "198.51.100.6");
    }
    assertThat(form("zakarias", PASSWORD, "198.51.100.6").getRedirectedUrl()).isEqualTo("/");
    for (int i = 0; i < 4; i++) {
      assertThat(form("zakarias", WRONG, "198.51.100.6").getRedirectedUrl()).isEqualTo("/login?error");
    }
    assertThat(form("zakarias", PASSWORD, "198.51.100.6").getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  @DisplayName("HTTP Basic: five wrong passwords give 429 with a problem detail saying so, for an unknown user name "
      + "exactly as for a known one; an administrator unlocks, audited, and the right password works again")
  void basicLockAndAdminUnlock() throws Exception {
    for (int i = 1; i <= 4; i++) {
      MockHttpServletResponse r = basic("yrsa", WRONG, "198.51.100.4");
      assertThat(r.getStatus()).as("failure " + i).isEqualTo(401);
      assertThat(r.getHeader("WWW-Authenticate")).startsWith("Basic");
    }
    MockHttpServletResponse locked = basic("yrsa", WRONG, "198.51.100.4");
    assertThat(locked.getStatus()).isEqualTo(429);
    assertThat(locked.getContentType()).startsWith("application/problem+json");
    assertThat(locked.getHeader("Retry-After")).isEqualTo("900");
    JsonNode problem = json.readTree(locked.getContentAsString());
    assertThat(problem.path("type").asText()).isEqualTo("https://trappen.dk/problems/sign-in-locked");
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("detail").asText()).contains("locked").contains("15 minutes");
    MockHttpServletResponse right = basic("yrsa", PASSWORD, "198.51.100.4");
    assertThat(right.getStatus()).isEqualTo(429);

    // an unknown user name is counted and locked the same way, with the same answer
    MockHttpServletResponse unknown = null;
    for (int i = 0; i < 5; i++) {
      unknown = basic("nemo", WRONG, "198.51.100.44");
    }
    assertThat(unknown.getStatus()).isEqualTo(429);
    assertThat(json.readTree(unknown.getContentAsString()).path("detail").asText())
        .isEqualTo(problem.path("detail").asText());

    // only an administrator unlocks
    assertThat(mvc.perform(post("/api/admin/users/yrsa/unlock").with(httpBasic("karen", PASSWORD)))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    long unlocks = audit.count(AuditAction.UNLOCK);
    MockHttpServletResponse unlock = mvc.perform(post("/api/admin/users/yrsa/unlock")
        .with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    assertThat(unlock.getStatus()).isEqualTo(200);
    assertThat(json.readTree(unlock.getContentAsString()).path("wasLocked").asBoolean()).isTrue();
    assertThat(audit.count(AuditAction.UNLOCK)).isEqualTo(unlocks + 1);
    assertThat(rowsOf("admin")).contains("UNLOCK unlock sign-in: user yrsa 127.0.0.1 was locked");
    assertThat(basic("yrsa", PASSWORD, "198.51.100.4").getStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("twenty failures from one address lock that address for every user name, until an administrator "
      + "unlocks it; other addresses are not locked")
  void twentyFailuresLockTheAddress() throws Exception {
    for (int i = 1; i <= 19; i++) {
      assertThat(form("guess" + i, WRONG, "198.51.100.5").getRedirectedUrl()).isEqualTo("/login?error");
    }
    assertThat(form("guess20", WRONG, "198.51.100.5").getRedirectedUrl()).isEqualTo("/login?locked");
    assertThat(rowsOf("guess20")).containsExactly(
        "SIGN_IN_FAILED sign-in: form 198.51.100.5 bad-credentials, now locked (address)");
    assertThat(basic("ulla", PASSWORD, "198.51.100.5").getStatus()).isEqualTo(429);
    assertThat(basic("ulla", PASSWORD, "198.51.100.55").getStatus()).isEqualTo(200);

    MockHttpServletResponse unlock = mvc.perform(post("/api/admin/addresses/198.51.100.5/unlock")
        .with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    assertThat(unlock.getStatus()).isEqualTo(200);
    assertThat(json.readTree(unlock.getContentAsString()).path("wasLocked").asBoolean()).isTrue();
    assertThat(basic("ulla", PASSWORD, "198.51.100.5").getStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("an OpenID Connect sign-in and a refused one are recorded like the others")
  void oidcSignInsAreAudited() {
    long signIns = audit.count(AuditAction.SIGN_IN);
    long failures = audit.count(AuditAction.SIGN_IN_FAILED);
    OidcIdToken token = OidcIdToken.withTokenValue("t").subject("sub-tove").claim("preferred_username", "tove")
        .issuedAt(T0).expiresAt(T0.plusSeconds(60)).build();
    var authorities = List.of(new SimpleGrantedAuthority("ROLE_INTAKE"));
    OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(
        new DefaultOidcUser(authorities, token, "preferred_username"), authorities, "kommune");
    events.publishEvent(new AuthenticationSuccessEvent(signedIn));
    // through the application's publisher, which Spring Security calls: it has no event of its own for this failure
    authenticationEvents.publishAuthenticationFailure(
        new OAuth2AuthenticationException(new OAuth2Error("access_denied")), signedIn);

    assertThat(audit.count(AuditAction.SIGN_IN)).isEqualTo(signIns + 1);
    assertThat(audit.count(AuditAction.SIGN_IN_FAILED)).isEqualTo(failures + 1);
    // published outside a request here, so without a client address
    assertThat(rowsOf("tove")).containsExactly("SIGN_IN sign-in: oidc process null",
        "SIGN_IN_FAILED sign-in: oidc process oidc: access_denied");
  }

  @Test
  @DisplayName("a URL the role may not use is refused with 403 and recorded: the page for the error page, the API "
      + "with a problem detail")
  void roleRefusalsAreAudited() throws Exception {
    long refused = audit.count(AuditAction.REFUSED);
    MockHttpServletResponse page = mvc.perform(get("/oversight").with(user("ida").roles("INTAKE")))
        .andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(403);
    MockHttpServletResponse api = mvc.perform(get("/api/oversight/deadlines").with(httpBasic("ida", PASSWORD)))
        .andReturn().getResponse();
    assertThat(api.getStatus()).isEqualTo(403);
    assertThat(api.getContentType()).startsWith("application/problem+json");
    assertThat(json.readTree(api.getContentAsString()).path("status").asInt()).isEqualTo(403);
    assertThat(audit.count(AuditAction.REFUSED)).isEqualTo(refused + 2);
    assertThat(rowsOf("ida")).contains("REFUSED GET /oversight 127.0.0.1 role",
        "REFUSED GET /api/oversight/deadlines 127.0.0.1 role");
  }

  /** The user's audit rows (oldest first) as "ACTION what source reason". */
  private List<String> rowsOf(String username) {
    return audit.between(Instant.EPOCH, T0.plus(Duration.ofDays(1))).stream()
        .filter(v -> v.username().equals(username))
        .map(v -> v.action() + " " + v.what() + " " + v.source() + " " + v.reason()).toList();
  }

  private MockHttpServletResponse form(String username, String password, String address) throws Exception {
    return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
        .with(from(address))).andReturn().getResponse();
  }

  private MockHttpServletResponse basic(String username, String password, String address) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/tasks").with(httpBasic(username, password)).with(from(address));
    return mvc.perform(request).andReturn().getResponse();
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

}
