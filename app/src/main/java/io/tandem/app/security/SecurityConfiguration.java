package io.tandem.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what. Routes not named here need a signed-in user of any role;
 * RouteAccessMatrixIT fails when a new route has no expected outcome for every role. Pages: form login, CSRF, session cookie. API: HTTP Basic or a personal token,
 * stateless, 401/403 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/favicon.svg", "/webjars/**",
            "/actuator/health", "/actuator/health/**", "/error"};
    static final String[] TEAM_PAGES = {"/revenue", "/revenue/**", "/support", "/support/**", "/happiness",
            "/happiness/**", "/sales", "/sales/**", "/growth", "/growth/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Passwords are checked before the account's state: a disabled account answers a wrong password
     * as any account does ("do not match"), and says "disabled" only to the right password. A name
     * its caller must wait for (LoginAttempts) is refused before its password is checked.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(TandemUserDetailsService accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("Too many failed sign-ins");
            }
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("User is disabled");
            }
        });
        return provider;
    }

    /** Only with a web server: {@code generate --load} starts Tandem without one. */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccessRules rules) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/metrics/reps/{externalId}/scorecard").access(rules.ownRepOrManager())
                        .requestMatchers("/api/metrics/**").access(rules.teamPages())
                        .requestMatchers("/api/imports/**", "/api/exports/**", "/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new MustChangePasswordFilter(), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, AccessRules rules, LoginFailureHandler loginFailures,
                              TandemUserDetailsService accounts) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .authenticated()
                        .requestMatchers(TEAM_PAGES).access(rules.teamPages())
                        .requestMatchers("/reps").hasAnyRole("MANAGER", "ADMIN")
                        // the scorecard and its card (/reps/{id}/cards/figures) under the same rule
                        .requestMatchers("/reps/{externalId}", "/reps/{externalId}/**").access(rules.ownRepOrManager())
                        .requestMatchers("/import/**", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureHandler(loginFailures).successHandler(new LandingPage())
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterAfter(new SessionFollowsAccountFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterAfter(new MustChangePasswordFilter(), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                        + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
