package dk.trappen.letters;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * The shipped {@link LetterChannel}: a folder ({@code trappen.letters.drop-folder}) from which the municipality's print
 * and post service (or a Digital Post integration) takes each letter. Each letter is written once as
 * {@code <message key>.pdf} and {@code <message key>.json} (who, how: by CPR only when the address is protected); the
 * JSON file is written last and marks the letter complete. Each file is written to a temporary name and moved into
 * place atomically, and a key whose JSON file exists is not written again, so a dispatcher run twice writes one letter.
 */
@Slf4j
@Component
class DropFolderChannel implements LetterChannel {

  private final LettersProperties properties;
  private final ObjectMapper json;

  DropFolderChannel(LettersProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  @Override
  public String name() {
    return "drop-folder";
  }

  @Override
  public void send(OutgoingLetter letter) {
    Path folder = properties.getDropFolder();
    String key = letter.messageKey();
    if (!key.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a file name: " + key);
    }
    try {
      Files.createDirectories(folder);
      Path done = folder.resolve(key + ".json");
      if (Files.exists(done)) {
        log.info("Letter {} is in the drop folder already; not written again", key);
        return;
      }
      write(folder, key + ".pdf", letter.pdf());
      write(folder, key + ".json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata(letter)));
      log.info("Letter {} ({}) written to the drop folder", key, letter.kind());
    } catch (IOException e) {
      throw new UncheckedIOException("the drop folder " + folder + " cannot take letter " + key, e);
    }
  }

  private static Map<String, Object> metadata(OutgoingLetter letter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("messageKey", letter.messageKey());
    m.put("file", letter.messageKey() + ".pdf");
    m.put("caseNumber", letter.caseNumber());
    m.put("kind", letter.kind().name());
    m.put("title", letter.title());
    m.put("sentAt", letter.sentAt().toString());
    Map<String, Object> recipient = new LinkedHashMap<>();
    recipient.put("role", letter.recipientRole());
    recipient.put("name", letter.recipientName());
    recipient.put("cpr", letter.recipientCpr());
    recipient.put("protectedAddress", letter.protectedAddress());
    // never a protected address: it is not even stored in the outbox
    recipient.put("address", letter.protectedAddress() ? null : letter.address());
    m.put("recipient", recipient);
    // how to deliver: by CPR number through Digital Post, and only there when the address is protected or unknown
    m.put("delivery", letter.protectedAddress() || letter.address() == null
        ? (letter.recipientCpr() == null ? "MANUAL" : "DIGITAL_POST_BY_CPR_ONLY") : "DIGITAL_POST_OR_PRINT");
    return m;
  }

  private static void write(Path folder, String name, byte[] bytes) throws IOException {
    Path temporary = folder.resolve("." + name + ".part");
    Files.write(temporary, bytes);
    try {
      Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temporary);
    }
  }
}
