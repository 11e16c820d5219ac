package io.tandem.app.web;

import io.tandem.app.security.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an API request's {@code Accept} header before its controller runs, so that a request
 * for a type Tandem cannot answer gets 406 and changes nothing (an import answered with
 * {@code Accept: text/csv} used to write its rows and then fail). Every API answers JSON; the
 * routes with a {@code .csv} twin, and the exports, also answer text/csv (api.md).
 */
@Configuration
class ApiContentNegotiation implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        boolean csv = answersCsv(method, request);
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, request,
                    "Header 'Accept' is not a list of media types: '" + accept + "'.");
            return false;
        }
        boolean answerable = accepted.stream().filter(type -> type.getQualityValue() > 0).anyMatch(type ->
                JSON.stream().anyMatch(type::isCompatibleWith) || (csv && type.isCompatibleWith(CSV)));
        if (!answerable) {
            ProblemResponses.write(response, HttpStatus.NOT_ACCEPTABLE, request, "This API answers application/json"
                    + (csv ? " or text/csv" : "") + ", which the request's Accept header (" + accept + ") does not allow.");
        }
        return answerable;
    }

    private static boolean answersCsv(HandlerMethod method, HttpServletRequest request) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/exports/")
                || (mapping != null && Arrays.stream(mapping.path()).anyMatch(path -> path.endsWith(".csv")));
    }
}
