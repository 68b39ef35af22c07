package dk.trappen.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * State changes on the API and the engine REST API ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} with a
 * body) are accepted only with {@code Content-Type: application/json} (or another {@code application/*+json}), even when they carry no body (a claim). A page
 * on another site can make a browser send a form or plain text, with the Basic credentials the browser has cached, but
 * not JSON without asking this server first (CORS, which allows no other origin). Refused with
 * {@code 415 Unsupported Media Type} and a problem detail naming the header.
 *
 * <p>The one exception is a document's upload ({@code POST /api/cases/{caseNumber}/documents}), which is
 * {@code multipart/form-data}: accepted only with an {@code X-Requested-With} header (any value). A browser sends such
 * a header to another origin only after asking it (CORS preflight, which this server never allows), so a page on
 * another site still cannot make it upload.
 */
final class JsonOnlyWritesFilter extends OncePerRequestFilter {

  static final URI UNSUPPORTED = URI.create("https://trappen.dk/problems/unsupported-media-type");
  static final URI MISSING_HEADER = URI.create("https://trappen.dk/problems/missing-header");

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

  private final ObjectMapper json;

  private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile("/api/cases/[^/]+/documents/?");

  JsonOnlyWritesFilter(ObjectMapper json) {
    this.json = json;
  }

  /** Whether the request is a document's upload: a multipart POST to /api/cases/{caseNumber}/documents. */
  static boolean upload(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && UPLOAD.matcher(path).matches()
        && multipart(request.getContentType());
  }

  private static boolean multipart(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean write = WRITES.contains(request.getMethod())
        || "DELETE".equals(request.getMethod()) && request.getContentLengthLong() > 0;
    if (write && upload(request)) {
      if (request.getHeader("X-Requested-With") == null) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            "X-Requested-With: an upload must send this header (any value)");
        pd.setType(MISSING_HEADER);
        pd.setTitle("Missing header");
        pd.setProperty("errors", Map.of("X-Requested-With", "an upload must send this header (any value)"));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), pd);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (write && !json(request.getContentType())) {
      ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type: must be application/json");
      pd.setType(UNSUPPORTED);
      pd.setTitle("Unsupported media type");
      pd.setProperty("errors", Map.of("Content-Type", "must be application/json"));
      response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), pd);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return "application".equals(type.getType())
          && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
