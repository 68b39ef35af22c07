package dk.trappen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TrappenApplication {
  public static void main(String[] args) {
    SpringApplication.run(TrappenApplication.class, args);
  }
}
