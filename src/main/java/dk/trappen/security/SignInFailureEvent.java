package dk.trappen.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The failure event for an exception Spring Security has no event of its own for (a locked sign-in, a refused OpenID
 * Connect sign-in), so that every failed sign-in is published and recorded.
 */
public class SignInFailureEvent extends AbstractAuthenticationFailureEvent {

  public SignInFailureEvent(Authentication authentication, AuthenticationException exception) {
    super(authentication, exception);
  }
}
