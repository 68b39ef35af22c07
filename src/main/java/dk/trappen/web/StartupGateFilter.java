package dk.trappen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * No request is answered before Trappen is ready: until Spring Boot's readiness state is {@code ACCEPTING_TRAFFIC},
 * which it becomes after the application runners are done (the demo data laid out, open deadlines migrated), every
 * request gets {@code 503 Service Unavailable} with {@code Retry-After}: a problem detail on the API, a short page
 * that reloads itself elsewhere. Without this gate the demo answered while its sample cases were being laid out, with
 * the clock set months back ("received in the future" followed). The health probes pass, so that a load balancer can
 * see the node is alive and not yet ready.
 */
@Slf4j
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGateFilter extends OncePerRequestFilter {

  static final URI STARTING = URI.create("https://trappen.dk/problems/starting");
  static final int RETRY_AFTER_SECONDS = 5;

  private final ApplicationAvailability availability;
  private final MessageSource messages;
  private final ObjectMapper json;
  /** Once ready, the gate stays open: a node shutting down finishes what it was asked. */
  private volatile boolean opened;

  StartupGateFilter(ApplicationAvailability availability, MessageSource messages, ObjectMapper json) {
    this.availability = availability;
    this.messages = messages;
    this.json = json;
  }

  /** Says in the log when the gate opens (the cluster tests wait for this line). */
  @EventListener
  void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      log.info("Trappen answers requests");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (opened) {
      return true;
    }
    if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
      opened = true;
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/actuator/health");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH
        : Locale.forLanguageTag("da");
    String title = messages.getMessage("startup.title", null, locale);
    String text = messages.getMessage("startup.text", null, locale);
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (path.startsWith("/api/")) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, text);
      problem.setType(STARTING);
      problem.setTitle(title);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    String lang = locale.getLanguage();
    response.getWriter().write("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">"
        + "<title>" + HtmlUtils.htmlEscape(title) + " – Trappen</title></head><body><main>"
        + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p></main></body></html>");
  }
}
