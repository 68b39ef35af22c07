package dk.trappen.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Danish first; {@code ?lang=en} switches to English and a cookie remembers the choice. Any other {@code lang} value
 * (an unknown language, or text that is no language tag at all) is ignored: the language stays as it was.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  static final Locale DANISH = Locale.forLanguageTag("da");

  /** The languages the message bundles speak. */
  static final Set<String> LANGUAGES = Set.of("da", "en");

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("trappen-lang");
    resolver.setDefaultLocale(DANISH);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SupportedLanguageInterceptor());
  }

  /** Switches only to a language Trappen speaks; anything else is ignored (never a 500, never a stack trace). */
  static final class SupportedLanguageInterceptor extends LocaleChangeInterceptor {

    SupportedLanguageInterceptor() {
      setParamName("lang");
      setIgnoreInvalidLocale(true);
    }

    @Override
    protected Locale parseLocaleValue(String value) {
      String language = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
      if (!LANGUAGES.contains(language)) {
        // caught by LocaleChangeInterceptor (ignoreInvalidLocale) and logged at debug level only
        throw new IllegalArgumentException("unsupported language");
      }
      return Locale.forLanguageTag(language);
    }
  }
}
