package dk.trappen.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, description and security scheme (HTTP Basic with a staff user). */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI trappenOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Trappen API").version("1")
            .description("Notifications, cases, tasks and the team leader's deadlines of Trappen, the case-handling "
                + "workflow for municipal youth social services. Sign in with a staff user (HTTP Basic). Errors are "
                + "RFC 9457 problem details whose `errors` name each field and its problem."))
        .components(new Components().addSecuritySchemes("staff",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("staff"));
  }
}
