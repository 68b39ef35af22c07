package dk.trappen.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Spring's multipart limit (as large as a document: {@code spring.servlet.multipart.max-request-size}) to the
 * one page form that needs it. The CSRF check reads the token from the body, which makes the server read a multipart
 * body before anything else is decided; so a multipart body is refused (413, before it is read) when it declares more
 * than the small limit, unless it is a signed-in user's POST to a case's documents
 * ({@code /cases/{caseNumber}/documents}), which may declare up to the upload limit.
 */
final class PageUploadLimitFilter extends OncePerRequestFilter {

  private static final Pattern UPLOAD = Pattern.compile("/cases/[^/]+/documents/?");

  private final long smallLimit;
  private final long uploadLimit;

  PageUploadLimitFilter(long smallLimit, long uploadLimit) {
    this.smallLimit = smallLimit;
    this.uploadLimit = uploadLimit < 0 ? Long.MAX_VALUE : uploadLimit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    boolean upload = "POST".equals(request.getMethod()) && UPLOAD.matcher(path).matches() && signedIn != null
        && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken);
    long limit = upload ? uploadLimit : smallLimit;
    if (request.getContentLengthLong() > limit) {
      response.setHeader("Connection", "close");
      response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return;
    }
    chain.doFilter(request, response);
  }
}
