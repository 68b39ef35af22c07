package dk.trappen.deadlines;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default channel when no mail server is configured: writes each notice to the log {@code dk.trappen.notices}. */
class LogNoticeChannel implements NoticeChannel {

  static final String LOGGER = "dk.trappen.notices";

  private static final Logger NOTICES = LoggerFactory.getLogger(LOGGER);

  @Override
  public void send(Notice notice) {
    NOTICES.info("Notice {} to {}: {}\n{}", notice.key(), String.join(",", notice.recipients()), notice.subject(),
        notice.body());
  }
}
