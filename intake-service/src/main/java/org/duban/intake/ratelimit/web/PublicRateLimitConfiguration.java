package org.duban.intake.ratelimit.web;

import org.duban.intake.ratelimit.RateLimit;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the public endpoints ({@code /api/v1/public/**}) behind the per-client rate limit. */
@Configuration(proxyBeanMethods = false)
class PublicRateLimitConfiguration implements WebMvcConfigurer {

    private final RateLimit rateLimit;

    PublicRateLimitConfiguration(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PublicRateLimitInterceptor(rateLimit)).addPathPatterns("/api/v1/public/**");
    }
}
