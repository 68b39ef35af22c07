package dk.trappen.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The door to the engine's APIs: the engine REST API ({@code /engine-rest}) and the Camunda webapps' APIs
 * ({@code /camunda/api}). Only an administrator gets in, and only to what {@link EngineApiPolicy} allows. A refusal
 * names its reason in the request attribute {@link #REFUSAL}, for the audit.
 *
 * <p>The webapps' own parts that must never be used are refused outright: the first-user setup of the Admin webapp
 * (Trappen's administrator is the engine's administrator, so there is nothing to set up), the webapps' own
 * password sign-in (they trust Trappen's sign-in, see {@link CamundaWebappAuthentication}) and the Tasklist, where
 * tasks would be completed past Trappen's checks and audit.
 */
final class EngineApiAccess implements AuthorizationManager<RequestAuthorizationContext> {

  /** Request attribute with the reason a request to the engine's APIs was refused. */
  static final String REFUSAL = EngineApiAccess.class.getName() + ".refusal";

  /** After /engine-rest: a named engine's resources. */
  private static final Pattern NAMED_ENGINE = Pattern.compile("/engine/[^/]+(/.*)?");
  /** The webapps' engine API: /camunda/api/engine/engine/{name}/... */
  private static final Pattern WEBAPP_ENGINE = Pattern.compile("/camunda/api/engine/engine/?([^/]+)?(/.*)?");
  /** The webapps' plugin APIs: /camunda/api/{app}/plugin/{plugin}/... */
  private static final Pattern WEBAPP_PLUGIN = Pattern.compile("/camunda/api/(cockpit|admin|welcome)/plugin/.+");
  private static final Pattern WEBAPP_LOGOUT = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");
  private static final Pattern WEBAPP_AUTH_READ = Pattern.compile("/camunda/api/admin/auth/user/[^/]+");
  private static final Pattern REFUSED = Pattern.compile(
      "/camunda/(app|api)/tasklist(/.*)?|/camunda/api/admin/setup(/.*)?|/camunda/api/admin/auth/user/[^/]+/login(/.*)?");

  private final ObjectMapper json;
  private final int maxBody;

  EngineApiAccess(ObjectMapper json, int maxBody) {
    this.json = json;
    this.maxBody = maxBody;
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    Authentication auth = authentication.get();
    boolean admin = auth != null && auth.isAuthenticated()
        && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    Optional<String> refusal = admin ? refusal(request) : Optional.of("not an administrator");
    refusal.ifPresent(reason -> request.setAttribute(REFUSAL, reason));
    return new AuthorizationDecision(refusal.isEmpty());
  }

  private Optional<String> refusal(HttpServletRequest request) {
    String path = path(request);
    String method = request.getMethod();
    if (REFUSED.matcher(path).matches()) {
      return Optional.of("not available: " + path);
    }
    if (WEBAPP_LOGOUT.matcher(path).matches() && method.equals("POST")
        || WEBAPP_AUTH_READ.matcher(path).matches() && method.equals("GET")) {
      return Optional.empty();
    }
    String relative;
    if (path.startsWith("/engine-rest")) {
      relative = path.substring("/engine-rest".length());
      Matcher named = NAMED_ENGINE.matcher(relative);
      if (named.matches()) {
        relative = named.group(1) == null ? "" : named.group(1);
      }
    } else if (path.startsWith("/camunda/api/engine/")) {
      Matcher m = WEBAPP_ENGINE.matcher(path);
      if (!m.matches()) {
        return Optional.of("unknown engine path: " + path);
      }
      relative = m.group(2) == null ? "" : m.group(2);
    } else if (WEBAPP_PLUGIN.matcher(path).matches()) {
      // the plugins' APIs are reads and queries: GET and POST, under the same rules for content as the engine's
      if (!method.equals("GET") && !method.equals("POST")) {
        return Optional.of("not an operation: " + method + " " + path);
      }
      Body body = body(request);
      return body.problem() != null ? Optional.of(body.problem())
          : EngineApiPolicy.refusal("GET", path, Collections.list(request.getParameterNames()), body.json());
    } else {
      return Optional.of("not an engine API: " + path);
    }
    String engineRelative = relative.length() > 1 && relative.endsWith("/")
        ? relative.substring(0, relative.length() - 1) : relative;
    Body body = body(request);
    return body.problem() != null ? Optional.of(body.problem())
        : EngineApiPolicy.refusal(method, engineRelative, Collections.list(request.getParameterNames()), body.json());
  }

  /** A request's JSON body (null when there is none), or why it cannot be checked. */
  private record Body(JsonNode json, String problem) {
  }

  /** The request's JSON body; a body that is not JSON, too large or unreadable cannot be checked and is refused. */
  private Body body(HttpServletRequest request) {
    if (!(request instanceof ReplayableBody replayable)) {
      return new Body(null, null);
    }
    byte[] bytes = replayable.bytes();
    if (bytes == null) {
      return new Body(null, "body too large or unreadable");
    }
    if (bytes.length == 0) {
      return new Body(null, null);
    }
    String type = request.getContentType();
    try {
      if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
        return new Body(null, "body is not JSON");
      }
      return new Body(json.readTree(bytes), null);
    } catch (IOException | org.springframework.http.InvalidMediaTypeException e) {
      return new Body(null, "body is not JSON");
    }
  }

  /**
   * The path within the application, percent-decoded as the engine will read it: {@code /variable-%69nstance} is
   * {@code /variable-instance}. (Encoded slashes, dots and semicolons are refused before this by Spring Security's
   * firewall.)
   */
  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    return URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Keeps the body of a request to the engine's APIs so that both the check and the engine can read it; the body is
   * read only when the check asks for it, up to the limit (a larger body is refused by the check).
   */
  static final class ReplayableBody extends HttpServletRequestWrapper {

    private final int max;
    private byte[] bytes;
    private boolean read;

    ReplayableBody(HttpServletRequest request, int max) {
      super(request);
      this.max = max;
    }

    /** The body, or null when it is larger than the limit or cannot be read. */
    byte[] bytes() {
      if (!read) {
        read = true;
        try (InputStream in = super.getInputStream()) {
          byte[] b = in.readNBytes(max + 1);
          bytes = b.length > max ? null : b;
        } catch (IOException e) {
          bytes = null;
        }
      }
      return bytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      return read ? BufferedBodyRequest.stream(bytes == null ? new byte[0] : bytes) : super.getInputStream();
    }

    @Override
    public java.io.BufferedReader getReader() {
      return BufferedBodyRequest.reader(this);
    }
  }
}
