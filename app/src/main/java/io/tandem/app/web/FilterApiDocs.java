package io.tandem.app.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.tandem.metrics.scorecard.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;

/**
 * The API explorer shows the query parameters {@link DashboardFilterArguments} reads for a bound
 * {@link DashboardFilter} or {@link Period}, instead of one opaque object parameter (api.md, filters).
 */
@Configuration(proxyBeanMethods = false)
class FilterApiDocs {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(DashboardFilter.class, Period.class);
    }

    @Bean
    OperationCustomizer filterParameters() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                Filter how = parameter.getParameterAnnotation(Filter.class);
                if (parameter.getParameterType() == DashboardFilter.class && how != null && how.scopeOnly()) {
                    add(operation, "team", "segment");
                } else if (parameter.getParameterType() == DashboardFilter.class) {
                    add(operation, "from", "to", "range", "team", "segment");
                } else if (parameter.getParameterType() == Period.class) {
                    add(operation, "from", "to");
                }
            }
            return operation;
        };
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "from", "First day, yyyy-MM-dd (default: the last 12 full months; a scorecard: the last full month)",
            "to", "Last day, yyyy-MM-dd",
            "range", "A preset instead of from and to: " + String.join(", ", DashboardFilters.PRESETS),
            "team", "Only this team's reps and the work they did",
            "segment", "Only accounts of this size segment (Admin, settings), e.g. 1-3, or unknown");

    private static void add(Operation operation, String... names) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        for (String name : names) {
            parameters.add(new Parameter().in("query").name(name).required(false).schema(new StringSchema())
                    .description(DESCRIPTIONS.get(name)));
        }
        operation.setParameters(parameters);
    }
}
