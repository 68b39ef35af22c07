package dk.trappen.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's export of the audit for a period (dates inclusive, Europe/Copenhagen), as CSV: reads, writes,
 * exports, refusals and sign-ins, each with its reason when it has one. The export itself is recorded.
 */
@Controller
class AuditExportController {

  private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private final AuditService audit;

  AuditExportController(AuditService audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit.csv")
  void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Authentication admin,
      HttpServletResponse response) throws IOException {
    if (to.isBefore(from)) {
      response.sendError(400, "to: must not be before from");
      return;
    }
    audit.recordWithoutCase(admin.getName(), "ADMIN", AuditAction.EXPORT, "export: audit " + from + " to " + to
        + " (CSV)", null);
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + from + "-" + to + ".csv\"");
    PrintWriter out = response.getWriter();
    out.println("at;username;role;case;action;what;source;reason");
    for (AuditService.AuditView v : audit.between(from.atStartOfDay(ZONE).toInstant(),
        to.plusDays(1).atStartOfDay(ZONE).toInstant())) {
      out.println(String.join(";", v.at().toString(), field(v.username()), v.role() == null ? "" : v.role(),
          v.caseNumber() == null ? "" : v.caseNumber(), v.action().name(), csv(v.what()), csv(v.source()),
          v.reason() == null ? "" : csv(v.reason())));
    }
    out.flush();
  }

  private static String csv(String s) {
    String text = s == null ? "" : s;
    // a spreadsheet must not take a cell for a formula (a failed sign-in's user name is whatever was typed)
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** A field quoted only when it needs to be (user names normally do not). */
  private static String field(String s) {
    return s.matches("[A-Za-z0-9._æøåÆØÅ]*") ? s : csv(s);
  }
}
