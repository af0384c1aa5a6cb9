package org.duban.console.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.duban.console.security.ConsoleUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.CacheControl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The console speaks Simplified Chinese (messages_zh_CN.properties, words from docs/glossary.md), reads
 * time from one clock, hands controllers the signed-in {@link ConsoleUser} as a parameter, and serves its
 * static files from their own paths only (Boot's catch-all {@code /**} mapping is off: with it, every link
 * a page writes was looked up on the class path as a possible file — three quarters of the board's time).
 * Files are named by their content ({@code console-<hash>.css}; webjars by version) and cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "images"}) {
            keptAYear(registry, "/" + folder + "/**", "classpath:/static/" + folder + "/")
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/images/");
        keptAYear(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/")
                .addResolver(new LiteWebJarsResourceResolver());
    }

    private static ResourceChainRegistration keptAYear(ResourceHandlerRegistry registry, String path, String location) {
        return registry.addResourceHandler(path).addResourceLocations(location)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ConsoleUser.class;
            }

            @Override
            public ConsoleUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
            }
        });
    }
}
