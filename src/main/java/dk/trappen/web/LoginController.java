package dk.trappen.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  /** A configured identity provider the sign-in page offers: its registration id and its name. */
  record Provider(String id, String name) {
  }

  private final ObjectProvider<ClientRegistrationRepository> registrations;
  /** How long a sign-in lock lasts, for the page to say (trappen.security.sign-in.lock-for). */
  private final long lockMinutes;

  LoginController(ObjectProvider<ClientRegistrationRepository> registrations,
      @Value("${trappen.security.sign-in.lock-for:15m}") Duration lockFor) {
    this.registrations = registrations;
    this.lockMinutes = Math.max(1, lockFor.toMinutes());
  }

  @GetMapping("/login")
  String login(Model model) {
    List<Provider> providers = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object r : all) {
        ClientRegistration c = (ClientRegistration) r;
        providers.add(new Provider(c.getRegistrationId(), c.getClientName()));
      }
    }
    model.addAttribute("providers", providers);
    model.addAttribute("lockMinutes", lockMinutes);
    return "login";
  }
}
