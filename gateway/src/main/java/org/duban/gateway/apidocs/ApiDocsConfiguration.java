package org.duban.gateway.apidocs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * The contract documents, read once at start-up, and Swagger UI's own files (the {@code org.webjars:swagger-ui}
 * jar) at {@code /swagger-ui/}. Not at {@code /webjars/}: that prefix is routed to the console, for its own web
 * jars.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration implements WebFluxConfigurer {

    @Bean
    ApiDocuments apiDocuments() {
        return ApiDocuments.fromClasspath(ApiDocsConfiguration.class.getClassLoader());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("swagger-ui");
        if (version == null) {
            throw new IllegalStateException("The swagger-ui web jar is not on the classpath");
        }
        registry.addResourceHandler("/swagger-ui/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/swagger-ui/" + version + "/");
    }
}
