package dk.trappen.meetings;

import dk.trappen.tasks.FormView;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The row the network meeting form adds with htmx: a participant. */
@Controller
class MeetingFormRows {

  private final NetworkMeetingHandler form;
  private final MessageSource messages;

  MeetingFormRows(NetworkMeetingHandler form, MessageSource messages) {
    this.form = form;
    this.messages = messages;
  }

  /** A new participant, number {@code index} from 0, and the button that adds the next one. */
  @GetMapping("/tasks/{id}/participant-row")
  String participantRow(@PathVariable String id, @RequestParam int index, Model model, Locale locale) {
    if (index < 0 || index > 99) {
      throw new IllegalArgumentException("index out of range: " + index);
    }
    model.addAttribute("taskId", id);
    model.addAttribute("p", index);
    model.addAttribute("roles", NetworkMeetingHandler.names(ParticipantRole.values()));
    model.addAttribute("f", FormView.row(form, "participants[" + index + "].role", messages, locale));
    return "forms/meeting-fields :: participant-added";
  }
}
