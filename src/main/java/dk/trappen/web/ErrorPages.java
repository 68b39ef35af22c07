package dk.trappen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a refusal or a failure looks like (replaces Spring Boot's "Whitelabel" page): on the pages, an error page in the
 * layout (menu for a signed-in user, a minimal header otherwise), in the user's language, with a way back; for the API
 * ({@code /api/**}, {@code /engine-rest/**}) and for callers that ask for JSON, an RFC 9457 problem detail, never HTML.
 * Neither shows an exception's text or a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {

  /** The statuses with a page of their own; any other gets the generic page naming its status code. */
  private static final Set<Integer> OWN_PAGE = Set.of(403, 404, 500, 503);

  private final ObjectMapper json;

  ErrorPages(ObjectMapper json) {
    this.json = json;
  }

  @RequestMapping
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpStatus status = status(request);
    String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (isApi(request, path) || !acceptsHtml(request)) {
      ProblemDetail problem = ProblemDetail.forStatus(status);
      problem.setTitle(status.getReasonPhrase());
      if (request.getAttribute(StorageFaultFilter.STORAGE_FAULT) != null) {
        problem = StorageFaultFilter.problem();
      }
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
      return null;
    }
    String key = OWN_PAGE.contains(status.value()) ? String.valueOf(status.value()) : "other";
    if (status == HttpStatus.FORBIDDEN
        && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
      // a form sent with a token that is no longer the session's: usually after a sign-out or an expired session
      key = "csrf";
    }
    ModelAndView page = new ModelAndView("error-page");
    page.setStatus(status);
    page.addObject("errorKey", key);
    page.addObject("errorStatus", status.value());
    return page;
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  static boolean isApi(HttpServletRequest request, String path) {
    String context = request.getContextPath();
    String p = path == null ? "" : path.substring(Math.min(context.length(), path.length()));
    return p.equals("/api") || p.startsWith("/api/") || p.equals("/engine-rest") || p.startsWith("/engine-rest/");
  }

  /** Browsers ask for HTML; a caller that asks for JSON (and not HTML) gets a problem detail. */
  static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String a = accept.toLowerCase(java.util.Locale.ROOT);
    return a.contains("html") || !a.contains("json");
  }
}
