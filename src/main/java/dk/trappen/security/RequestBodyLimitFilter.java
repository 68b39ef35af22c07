package dk.trappen.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests whose body is larger than the limit with {@code 413 Content Too Large} and an RFC 9457
 * problem detail that names the limit. A declared Content-Length over the limit is refused before anything is read;
 * a body without one (chunked) is read up to the limit and refused as soon as it goes over. The limit is the JSON
 * body's ({@code trappen.security.max-json-body}), except for a document's upload ({@link JsonOnlyWritesFilter#upload}),
 * whose limit is Spring's multipart request limit ({@code spring.servlet.multipart.max-request-size}, at least
 * {@code trappen.documents.max-size}).
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

  static final URI TOO_LARGE = URI.create("https://trappen.dk/problems/payload-too-large");

  private final long jsonLimit;
  private final long uploadLimit;
  private final ObjectMapper json;

  RequestBodyLimitFilter(long jsonLimit, long uploadLimit, ObjectMapper json) {
    this.jsonLimit = jsonLimit;
    this.uploadLimit = uploadLimit < 0 ? Long.MAX_VALUE : uploadLimit;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = JsonOnlyWritesFilter.upload(request) ? uploadLimit : jsonLimit;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(response, limit);
      return;
    }
    if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
      chain.doFilter(request, response);
      return;
    }
    // no declared length: buffer at most limit + 1 bytes
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (InputStream in = request.getInputStream()) {
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) != -1) {
        buffer.write(chunk, 0, n);
        if (buffer.size() > limit) {
          refuse(response, limit);
          return;
        }
      }
    }
    chain.doFilter(new BufferedBodyRequest(request, buffer.toByteArray()), response);
  }

  private void refuse(HttpServletResponse response, long limit) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than the limit of " + limit + " bytes (" + (limit / 1024) + " KB).");
    problem.setType(TOO_LARGE);
    problem.setTitle("Request body too large");
    problem.setProperty("limit", limit);
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader("Connection", "close");
    json.writeValue(response.getOutputStream(), problem);
  }
}
