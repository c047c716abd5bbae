package se.uppfoljning.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header: how to authenticate and what an error looks like. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI uppfoljningOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Uppföljning API").version("v1").description("""
                        Autentisering: en personlig API-nyckel (`Authorization: Bearer upf_…`, skapas under \
                        API-nycklar i webbläsaren eller med `POST /api/v1/me/tokens`; scope `read` tillåter bara GET) \
                        eller HTTP Basic med användarnamn och lösenord (för personer; upprepade misslyckanden spärrar \
                        kontot tillfälligt). Varje fel är JSON `{error, message, details}` med ett svenskt \
                        meddelande: 400 felaktig begäran (även okända fält), 401, 403 (`readOnlyToken` för en \
                        läsnyckel som försöker ändra), 404, 405, 406, 409, 413, 415, 422, 423, 500."""))
                .components(new Components()
                        .addSecuritySchemes("bearerToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Personlig API-nyckel (upf_…)"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Användarnamn och lösenord")))
                .addSecurityItem(new SecurityRequirement().addList("bearerToken"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
