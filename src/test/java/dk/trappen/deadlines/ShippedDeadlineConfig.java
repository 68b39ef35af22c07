package dk.trappen.deadlines;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** Binds the shipped config/application.yml and config/deadlines.yml, as the application does. */
final class ShippedDeadlineConfig {

  private ShippedDeadlineConfig() {
  }

  static DeadlineProperties properties() {
    try {
      YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
      List<PropertySource<?>> sources = new ArrayList<>();
      sources.addAll(loader.load("deadlines", new FileSystemResource("config/deadlines.yml")));
      sources.addAll(loader.load("application", new FileSystemResource("config/application.yml")));
      Binder binder = new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources
          .from(sources));
      return binder.bind("trappen", DeadlineProperties.class).get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static DeadlineRules rules() {
    return new DeadlineRules(properties());
  }
}
