package dk.trappen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The channels a notice leaves by: e-mail with a Message-ID derived from its key, or the notices log. */
@DisplayName("Notice channels")
@ExtendWith(OutputCaptureExtension.class)
class NoticeChannelsTest {

  private static final Instant NOW = Instant.parse("2027-03-02T08:00:00Z");
  private static final Function<String, Optional<String>> NO_ADDRESS = username -> Optional.empty();
  private static final Notice NOTICE = new Notice("deadline:17:escalated", "deadline-escalated",
      List.of("birgitte", "henrik"), "Frist overskredet: Akut vurdering i sag 2027-0001", "Fristen for … udløb.");

  @Test
  @DisplayName("an e-mail goes to each team leader's address with the notice key as its Message-ID, on every send")
  void mail_carries_the_key_as_message_id() throws Exception {
    RecordingMailSender sender = new RecordingMailSender();
    NoticeProperties properties = new NoticeProperties();
    properties.setMailDomain("kommune.dk");
    MailNoticeChannel channel = new MailNoticeChannel(sender, properties, Clock.fixed(NOW, ZoneOffset.UTC), NO_ADDRESS);

    channel.send(NOTICE);
    channel.send(NOTICE);

    assertThat(sender.sent).hasSize(2);
    for (MimeMessage mail : sender.sent) {
      assertThat(mail.getMessageID()).isEqualTo("<deadline.17.escalated@trappen>");
      assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
          .containsExactly("birgitte@kommune.dk", "henrik@kommune.dk");
      assertThat(mail.getFrom()[0].toString()).isEqualTo("trappen@kommune.dk");
      assertThat(mail.getSubject()).isEqualTo(NOTICE.subject());
      assertThat(mail.getContent().toString()).isEqualTo(NOTICE.body());
      assertThat(mail.getSentDate().toInstant()).isEqualTo(NOW);
    }
  }

  @Test
  @DisplayName("a recipient with an e-mail address in the administration gets it there; one without, at the mail "
      + "domain")
  void mail_goes_to_the_administered_address() throws Exception {
    RecordingMailSender sender = new RecordingMailSender();
    NoticeProperties properties = new NoticeProperties();
    properties.setMailDomain("kommune.dk");
    new MailNoticeChannel(sender, properties, Clock.fixed(NOW, ZoneOffset.UTC),
        username -> "birgitte".equals(username) ? Optional.of("b.hansen@socialforvaltningen.dk") : Optional.empty())
        .send(NOTICE);
    assertThat(Arrays.stream(sender.sent.get(0).getAllRecipients()).map(Address::toString))
        .containsExactly("b.hansen@socialforvaltningen.dk", "henrik@kommune.dk");
  }

  @Test
  @DisplayName("with a shared mailbox configured, every notice goes there; without any address the channel refuses")
  void mail_to_a_shared_mailbox_or_nowhere() throws Exception {
    RecordingMailSender sender = new RecordingMailSender();
    NoticeProperties shared = new NoticeProperties();
    shared.setMailTo("teamledere@kommune.dk");
    shared.setMailFrom("trappen@kommune.dk");
    new MailNoticeChannel(sender, shared, Clock.fixed(NOW, ZoneOffset.UTC), NO_ADDRESS)
        .send(new Notice("deadline:18:escalated", "deadline-escalated", List.of(), "s", "b"));
    assertThat(sender.sent.get(0).getAllRecipients()[0].toString()).isEqualTo("teamledere@kommune.dk");

    NoticeProperties none = new NoticeProperties();
    assertThatThrownBy(() -> new MailNoticeChannel(sender, none, Clock.systemUTC(), NO_ADDRESS))
        .hasMessageContaining("trappen.notices.mail-domain");
    NoticeProperties byDomain = new NoticeProperties();
    byDomain.setMailDomain("kommune.dk");
    assertThatThrownBy(() -> new MailNoticeChannel(sender, byDomain, Clock.systemUTC(), NO_ADDRESS)
        .send(new Notice("deadline:19:escalated", "deadline-escalated", List.of(), "s", "b")))
        .hasMessageContaining("no recipient");
  }

  @Test
  @DisplayName("without a mail server the notice is written to the log dk.trappen.notices with its key")
  void the_log_channel_writes_the_notice_with_its_key(CapturedOutput output) {
    new LogNoticeChannel().send(NOTICE);
    assertThat(output.getOut()).contains("dk.trappen.notices", "deadline:17:escalated", "birgitte,henrik",
        NOTICE.subject());
  }

  /** Spring's real JavaMailSenderImpl, with a transport that keeps the messages instead of talking SMTP. */
  static final class RecordingMailSender extends JavaMailSenderImpl {
    final List<MimeMessage> sent = new ArrayList<>();

    @Override
    protected Transport connectTransport() {
      return new Transport(getSession(), new URLName("smtp://test")) {
        @Override
        public void sendMessage(Message message, Address[] addresses) throws MessagingException {
          sent.add((MimeMessage) message);
        }

        @Override
        public synchronized void close() {
        }
      };
    }
  }
}
