package io.tandem.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Dependencies point one way: app -> metrics-engine -> domain; features stay apart. */
@AnalyzeClasses(packages = "io.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] WEB = {
            "io.tandem.app..", "org.springframework.web..", "org.springframework.ui..", "jakarta.servlet..",
            "org.thymeleaf..", "org.springframework.security.web..", "org.springdoc.."};

    @ArchTest
    static final ArchRule engineUsesNoWebOrAppCode = noClasses()
            .that().resideInAPackage("io.tandem.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB);

    @ArchTest
    static final ArchRule domainUsesNoWebEngineOrAppCode = noClasses()
            .that().resideInAPackage("io.tandem.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB)
            .orShould().dependOnClassesThat().resideInAPackage("io.tandem.metrics..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = slices()
            .matching("io.tandem.app.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.tandem.app.web..", "io.tandem.app.db..", "io.tandem.app.security..",
                    "io.tandem.app.cache.."))
            // the scale-data command loads its files through the importer, as an admin would
            .ignoreDependency(resideInAnyPackage("io.tandem.app.demo.."), resideInAnyPackage("io.tandem.app.imports.."));

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().notBePublic();
}
