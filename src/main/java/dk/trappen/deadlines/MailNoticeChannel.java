package dk.trappen.deadlines;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

/**
 * Sends notices by e-mail (active when {@code spring.mail.host} is set): to each recipient's e-mail address as the
 * administration keeps it, else to {@code <username>@<mail-domain>}, or to the one configured address
 * {@code trappen.notices.mail-to} for everyone. The Message-ID is derived from the
 * notice key, so a notice sent twice (a crash between sending and marking it sent) is recognisably one message.
 */
class MailNoticeChannel implements NoticeChannel {

  private final JavaMailSender sender;
  private final NoticeProperties properties;
  private final Clock clock;
  private final String from;
  private final Function<String, Optional<String>> addressOf;

  /** {@code addressOf}: a staff user's administered e-mail address, if they have one. */
  MailNoticeChannel(JavaMailSender sender, NoticeProperties properties, Clock clock,
      Function<String, Optional<String>> addressOf) {
    this.sender = sender;
    this.addressOf = addressOf;
    this.properties = properties;
    this.clock = clock;
    if (!StringUtils.hasText(properties.getMailDomain()) && !StringUtils.hasText(properties.getMailTo())) {
      throw new IllegalStateException("trappen.notices.mail-domain or trappen.notices.mail-to must be set when "
          + "spring.mail.host is set: team leaders' notices need an address");
    }
    if (StringUtils.hasText(properties.getMailFrom())) {
      this.from = properties.getMailFrom();
    } else if (StringUtils.hasText(properties.getMailDomain())) {
      this.from = "trappen@" + properties.getMailDomain();
    } else {
      throw new IllegalStateException("trappen.notices.mail-from must be set when trappen.notices.mail-domain is not");
    }
  }

  @Override
  public void send(Notice notice) {
    List<String> to = addresses(notice);
    if (to.isEmpty()) {
      throw new IllegalStateException("notice " + notice.key() + " has no recipient (the team has no team leader) "
          + "and trappen.notices.mail-to is not set");
    }
    MimeMessage mail = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(notice.subject());
      helper.setText(notice.body());
      helper.setSentDate(Date.from(clock.instant()));
      // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating a new one on every send
      mail.setHeader("Message-ID", messageId(notice.key(), properties.getMessageIdDomain()));
    } catch (MessagingException e) {
      throw new MailPreparationException("notice " + notice.key() + ": " + e.getMessage(), e);
    }
    sender.send(mail);
  }

  private List<String> addresses(Notice notice) {
    if (StringUtils.hasText(properties.getMailTo())) {
      return List.of(properties.getMailTo());
    }
    return notice.recipients().stream()
        .map(username -> username.contains("@") ? username
            : addressOf.apply(username).filter(StringUtils::hasText)
                .orElse(username + "@" + properties.getMailDomain()))
        .toList();
  }

  /**
   * {@code <key@domain>}, with every character of the key that RFC 5322 does not allow in the left part of a
   * Message-ID (the colons of {@code deadline:17:escalated}, for one) replaced by a dot.
   */
  static String messageId(String key, String domain) {
    String left = key.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", ".");
    return "<" + left + "@" + domain + ">";
  }
}
