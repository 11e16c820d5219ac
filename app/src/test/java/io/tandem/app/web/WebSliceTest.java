package io.tandem.app.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

import io.tandem.app.TandemApplication;
import io.tandem.app.security.WebSliceSecurity;
import io.tandem.domain.audit.AuditEntryRepository;
import io.tandem.domain.reps.RepRepository;
import io.tandem.domain.settings.Settings;
import io.tandem.domain.settings.SettingsRepository;
import io.tandem.domain.users.ApiTokenRepository;
import io.tandem.domain.users.AppUserRepository;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.ui.Model;

/**
 * A {@code @WebMvcTest} of the given controllers (which must sit in the test's package, as they are
 * package-private) with what every request of the app passes through: SecurityConfiguration and its
 * rules ({@link WebSliceSecurity}, which also makes the callers), the filter binding, the error and
 * layout advices and the Thymeleaf templates. No database: the repositories these need are mocks that
 * answer a small fixed organisation (below), and {@link DashboardPage} says there is data. Each test class
 * mocks its feature's report with {@code @MockitoBean} and asks for {@code MockMvcTester}.
 *
 * <p>The slice does not start from TandemApplication: its {@code @EnableJpaRepositories} would make
 * every repository a JPA bean needing an EntityManagerFactory. {@link Slice} scans the same packages
 * with the slice's filter instead, and fixes the clock on {@link #TODAY}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ContextConfiguration(classes = WebSliceTest.Slice.class)
@MockitoBean(types = {SettingsRepository.class, RepRepository.class, AppUserRepository.class,
        ApiTokenRepository.class, AuditEntryRepository.class, DashboardPage.class})
@ExtendWith(WebSliceTest.Organisation.class)
public @interface WebSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** Today in the slice (UTC, the organisation's zone): the default range is June 2023 to May 2024. */
    LocalDate TODAY = LocalDate.of(2024, 6, 15);

    /**
     * Not a {@code @Configuration}: TandemApplication's own scan (in the full-app tests) must not find
     * it. Bean methods and the scan work on it all the same when a test names it.
     */
    @ComponentScan(basePackageClasses = TandemApplication.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @Import({WebSliceSecurity.class, DashboardFilters.class, DashboardTablesController.class,
            DashboardCardsController.class})
    class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    /**
     * Before each test (the mocks are reset after each): the settings as a new database has them, the
     * roster of {@link WebSliceSecurity#roster()}, the callers' accounts, and a dashboard with data.
     * A test may change {@code settings.current()} for itself.
     */
    final class Organisation implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext extension) {
            ApplicationContext context = SpringExtension.getApplicationContext(extension);
            given(context.getBean(SettingsRepository.class).current()).willReturn(settings());
            RepRepository reps = context.getBean(RepRepository.class);
            given(reps.findAllByOrderByTeamAscNameAsc()).willAnswer(i -> WebSliceSecurity.roster());
            given(reps.findByExternalId(anyString())).willAnswer(i -> WebSliceSecurity.roster().stream()
                    .filter(r -> r.getExternalId().equals(i.getArgument(0))).findFirst());
            given(context.getBean(AppUserRepository.class).findById(anyLong()))
                    .willAnswer(i -> WebSliceSecurity.account(i.getArgument(0)));
            given(context.getBean(DashboardPage.class).hasData(any())).willAnswer(i -> {
                i.getArgument(0, Model.class).addAttribute("hasData", true);
                return true;
            });
        }

        /** The defaults of V1__core_schema.sql's settings row. */
        private static Settings settings() {
            Settings s = BeanUtils.instantiateClass(Settings.class);
            s.setOrganisationName("Slice Ltd");
            s.setTimeZone("UTC");
            s.setCurrency("USD");
            s.setGrossMargin(new BigDecimal("0.80"));
            s.setMonthlyMarketingSpend(BigDecimal.ZERO);
            s.setSegmentSmallMax(3);
            s.setSegmentMediumMax(10);
            s.setHardMinReplies(4);
            s.setHardMinMinutes(60);
            s.setEasyMaxReplies(1);
            s.setEasyMaxMinutes(10);
            s.setCommissionRate(new BigDecimal("0.10"));
            s.setRepsSeeTeamPages(true);
            s.setDemoState("none");
            return s;
        }
    }
}
