package dk.trappen.deadlines;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffAccount;
import java.time.Clock;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/** Chooses the channel the notices (team leaders', heads') go out by: e-mail when a mail server is configured, else the log. */
@Slf4j
@Configuration
class NoticeChannels {

  @Bean
  NoticeChannel noticeChannel(Environment environment, ObjectProvider<JavaMailSender> mail,
      NoticeProperties properties, Clock clock, OrgService staff) {
    JavaMailSender sender = mail.getIfAvailable();
    if (StringUtils.hasText(environment.getProperty("spring.mail.host")) && sender != null) {
      log.info("Team leaders' notices go out by e-mail via {}", environment.getProperty("spring.mail.host"));
      return new MailNoticeChannel(sender, properties, clock,
          username -> staff.account(username).map(StaffAccount::email));
    }
    log.info("No mail server configured (spring.mail.host): team leaders' notices are written to the log {}",
        LogNoticeChannel.LOGGER);
    return new LogNoticeChannel();
  }
}
