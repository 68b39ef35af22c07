package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the case page's section forms (journal, parties, consents) share: each field's first problem worded for the
 * page, the values as typed, a flash message, and the case page shown again with a refused form.
 */
@Component
class CaseForms {

  private final CaseFileQuery caseFiles;
  private final CasePageModel pageModel;
  private final MessageSource messages;

  CaseForms(CaseFileQuery caseFiles, CasePageModel pageModel, MessageSource messages) {
    this.caseFiles = caseFiles;
    this.pageModel = pageModel;
    this.messages = messages;
  }

  /** Each field's first problem, in the user's language as the pages word it. */
  Map<String, String> errors(List<Problem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(),
        messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())));
    return errors;
  }

  /** The fields' values as submitted, to show a refused form as it was typed. */
  static Map<String, String> typed(HttpServletRequest request, List<String> fields) {
    Map<String, String> typed = new HashMap<>();
    fields.forEach(field -> typed.put(field, request.getParameter(field)));
    return typed;
  }

  String msg(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  /** The whole case page again, answered with {@code status}, its model holding the refused form. */
  String caseAgain(Model model, CaseRef c, HttpServletResponse response, HttpStatus status) {
    response.setStatus(status.value());
    pageModel.fill(model, c, caseFiles.read(c), Map.of("raisedAt", pageModel.nowLocal()), Map.of(), null);
    return "case";
  }
}
