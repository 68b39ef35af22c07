package dk.trappen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.common.StorageFaults;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot store or read ({@link StorageFaults}: closed after a failed write,
 * disk full, not reachable, read-only) is answered 503 with a Retry-After, not 500: a problem detail of type
 * {@code storage-unavailable} on the API, the error page on the pages. It runs before Spring Security, so a sign-in
 * whose look-up fails is a 503 too, not a 401 that would send every client to re-enter its password. The transaction
 * of the request was rolled back, so nothing of it is stored; the client may send it again (with the same
 * Idempotency-Key) once the health check is UP.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StorageFaultFilter extends OncePerRequestFilter {

  /** Set on the request when it failed on storage: the error page then reads nothing from the database. */
  static final String STORAGE_FAULT = StorageFaultFilter.class.getName() + ".fault";
  static final URI TYPE = URI.create("https://trappen.dk/problems/storage-unavailable");
  static final String RETRY_AFTER_SECONDS = "10";

  private static final Logger log = LoggerFactory.getLogger(StorageFaultFilter.class);

  private final ObjectMapper json;

  StorageFaultFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      Optional<Throwable> fault = StorageFaults.fault(failure);
      if (fault.isEmpty() || response.isCommitted()) {
        throw failure;
      }
      log.warn("{} {} answered 503: the database cannot store or read ({})", request.getMethod(),
          request.getRequestURI(), StorageFaults.describe(fault.get()));
      answer(request, response);
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.resetBuffer();
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    request.setAttribute(STORAGE_FAULT, Boolean.TRUE);
    if (ErrorPages.isApi(request, request.getRequestURI()) || !ErrorPages.acceptsHtml(request)) {
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem());
    } else {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
    }
  }

  static ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "Trappen cannot store or read data at the moment; this request was not stored. Send it again later (with "
            + "the same Idempotency-Key); GET /actuator/health says UP when storage works again.");
    problem.setType(TYPE);
    problem.setTitle("Storage unavailable");
    return problem;
  }
}
