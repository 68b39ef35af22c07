package dk.trappen.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text read from JSON by Spring's {@code ObjectMapper} (the API's request bodies, and the task payloads the task forms
 * are turned into) is refused when it holds a control character (see {@link ControlCharacters}), with the path of the
 * field; {@link JsonInputProblems} turns that into a 400 naming it. Only Spring's mapper is changed: Camunda Spin and
 * the engine's REST API have mappers of their own, and what the engine stores is not read through this one.
 */
@Configuration
public class TextInputJackson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer controlCharactersRefused() {
    // added to the builder's own deserializers: Spring Boot's modules and settings stay as they are
    return builder -> builder.deserializerByType(String.class, new RefusingStringDeserializer());
  }

  /** Jackson's own text deserializer, which then refuses control characters. */
  static final class RefusingStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = super.deserialize(p, ctxt);
      if (ControlCharacters.present(text)) {
        throw new ControlCharacterException(p);
      }
      return text;
    }
  }

  /** Text with a control character; Jackson adds the path of the field on its way out. */
  public static final class ControlCharacterException extends JsonMappingException {

    ControlCharacterException(JsonParser p) {
      super(p, "Text " + ControlCharacters.PROBLEM_TEXT);
    }
  }
}
