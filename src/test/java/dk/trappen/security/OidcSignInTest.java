package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.trappen.api.TestStaff;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffAccount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sign-in through a municipality's OpenID Connect identity provider, switched on by configuration alone. */
@SpringBootTest(properties = {
    "spring.security.oauth2.client.registration.kommune.client-id=trappen",
    "spring.security.oauth2.client.registration.kommune.client-secret=secret",
    "spring.security.oauth2.client.registration.kommune.client-name=Kommunens login",
    "spring.security.oauth2.client.registration.kommune.scope=openid,profile",
    "spring.security.oauth2.client.registration.kommune.authorization-grant-type=authorization_code",
    "spring.security.oauth2.client.registration.kommune.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
    "spring.security.oauth2.client.provider.kommune.authorization-uri=https://idp.kommune.example/auth",
    "spring.security.oauth2.client.provider.kommune.token-uri=https://idp.kommune.example/token",
    "spring.security.oauth2.client.provider.kommune.jwk-set-uri=https://idp.kommune.example/jwks",
    "spring.security.oauth2.client.provider.kommune.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("Signing in with the municipality's identity provider")
class OidcSignInTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  OrgService org;
  @Autowired
  PasswordEncoder encoder;
  @Autowired
  StaffOidcUserService staffUsers;

  @Test
  @DisplayName("the sign-in page offers the configured provider, and choosing it goes to the provider's authorization")
  void signInPageOffersTheProvider() throws Exception {
    String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("href=\"/oauth2/authorization/kommune\"").contains("Log ind med Kommunens login");
    MvcResult redirect = mvc.perform(get("/oauth2/authorization/kommune")).andReturn();
    assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
    assertThat(redirect.getResponse().getRedirectedUrl())
        .startsWith("https://idp.kommune.example/auth?response_type=code&client_id=trappen")
        .contains("scope=openid%20profile");
  }

  @Test
  @DisplayName("a staff user known to Trappen signs in with their role; anyone else is refused")
  void onlyStaffUsersSignIn() {
    TestStaff.ensure(org, encoder);
    OidcUser karen = staffUsers.toStaff(idpUser("karen"));
    assertThat(karen.getName()).isEqualTo("karen");
    assertThat(karen.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CASEWORKER");
    assertThatThrownBy(() -> staffUsers.toStaff(idpUser("mallory"))).isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("not a staff user");
  }

  @Test
  @DisplayName("someone the identity provider knows but Trappen does not is sent to a sign-in page that says so, not "
      + "to an error")
  void notStaffGetsAClearPage() throws Exception {
    Exception refused = catchException(() -> staffUsers.toStaff(idpUser("mallory")));
    assertThat(StaffOidcUserService.refusedAsStaff(refused)).isTrue();
    assertThat(StaffOidcUserService.refusedAsStaff(new OAuth2AuthenticationException("invalid_token"))).isFalse();

    String page = mvc.perform(get("/login").param("notStaff", "")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("men har ingen adgang til Trappen");
  }

  @Test
  @DisplayName("a deactivated staff user known to the identity provider is refused")
  void deactivatedStaffRefused() {
    TestStaff.ensure(org, encoder);
    StaffAccount lars = org.account("lars").orElseThrow();
    org.updateAccount(new StaffAccount(lars.username(), lars.displayName(), lars.email(), lars.role(),
        lars.teams(), false, false, null), Instant.now());
    try {
      assertThatThrownBy(() -> staffUsers.toStaff(idpUser("lars"))).isInstanceOf(OAuth2AuthenticationException.class)
          .hasMessageContaining("deactivated");
    } finally {
      org.updateAccount(lars, Instant.now());
    }
  }

  private static OidcUser idpUser(String username) {
    OidcIdToken token = OidcIdToken.withTokenValue("token").subject("sub-" + username)
        .claim("preferred_username", username).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
        .build();
    return new DefaultOidcUser(List.of(), token);
  }
}
