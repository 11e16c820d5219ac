package io.tandem.app.web;

import io.tandem.metrics.scorecard.Period;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Binds every {@link DashboardFilter} controller parameter from the request's {@code from}, {@code to},
 * {@code team}, {@code segment} and {@code range} in this one place, validated by {@link DashboardFilters}:
 * no controller repeats the parameter list. How, a {@link Filter} annotation says. A scorecard's
 * {@link Period} parameter is bound here too, from {@code from} and {@code to} (last full month by default).
 */
@Configuration
class DashboardFilterArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final DashboardFilters filters;

    DashboardFilterArguments(DashboardFilters filters) {
        this.filters = filters;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DashboardFilter.class || parameter.getParameterType() == Period.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        if (parameter.getParameterType() == Period.class) {
            return filters.scorecardPeriod(request.getParameter("from"), request.getParameter("to"));
        }
        Filter how = parameter.getParameterAnnotation(Filter.class);
        boolean scopeOnly = how != null && how.scopeOnly();
        if (how == null || !how.page()) {
            return read(request, scopeOnly);
        }
        DashboardFilter filter;
        try {
            filter = read(request, scopeOnly);
        } catch (BadParameterException e) {
            mav.addAttribute("filterError", e.getMessage());
            filter = filters.defaults();
        }
        mav.addAttribute("filter", filter);
        mav.addAttribute("teams", filters.teams());
        mav.addAttribute("segments", filters.segments());
        mav.addAttribute("presets", DashboardFilters.PRESETS);
        return filter;
    }

    private DashboardFilter read(NativeWebRequest request, boolean scopeOnly) {
        return scopeOnly
                ? filters.parse(null, null, request.getParameter("team"), request.getParameter("segment"), null)
                : filters.parse(request.getParameter("from"), request.getParameter("to"), request.getParameter("team"),
                        request.getParameter("segment"), request.getParameter("range"));
    }
}
