package app.crux;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package rules of docs/decisions.md ("Which feature calls which"), checked on the
 * compiled main classes. A failure names the class and the dependency that breaks the rule.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.crux");
        // the set-up: a rule checked against nothing would pass vacuously
        assertTrue(main.contain(CruxMain.class) && main.size() > 100, "main classes imported: " + main.size());
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("app.crux.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                // the one way up from web, stated and checked in webDependsOnNoFeature
                .ignoreDependency(JavaClass.Predicates.equivalentTo(app.crux.web.CurrentUser.class),
                        JavaClass.Predicates.equivalentTo(app.crux.account.Role.class))
                .check(main);
    }

    @Test
    void pagesAndApisNeverDependOnAnotherPagesOrApi() {
        classes().that(isPartOfResource()).should(dependOnNoOtherResource()).check(main);
    }

    @Test
    void webDependsOnNoFeature() {
        noClasses().that().resideInAPackage("app.crux.web..")
                .should().dependOnClassesThat(resideInAPackage("app.crux.(*)..")
                        .and(DescribedPredicate.not(resideInAPackage("app.crux.web..")))
                        // CurrentUser answers "is this an editor?", which needs the role names
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(app.crux.account.Role.class))))
                .check(main);
        noClasses().that().resideInAPackage("app.crux.web..")
                .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(app.crux.web.CurrentUser.class)))
                .should().dependOnClassesThat(resideInAPackage("app.crux.account.."))
                .check(main);
    }

    @Test
    void mainCodeNeverLooksUpBeansInTheContainer() {
        noClasses().should().callMethod(io.quarkus.arc.Arc.class, "container").check(main);
    }

    /** A page or API resource, or a class nested in one (its Templates, request and response records). */
    static DescribedPredicate<JavaClass> isPartOfResource() {
        return DescribedPredicate.describe("are *Pages or *Api resources or nested in one", c -> resource(c) != null);
    }

    static ArchCondition<JavaClass> dependOnNoOtherResource() {
        return new ArchCondition<>("depend on no other *Pages or *Api class") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                JavaClass own = resource(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass other = resource(dependency.getTargetClass());
                    if (other != null && !other.equals(own)) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The outermost class if it is named *Pages or *Api and lives in app.crux, else null. */
    private static JavaClass resource(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        String name = outer.getSimpleName();
        return outer.getPackageName().startsWith("app.crux") && (name.endsWith("Pages") || name.endsWith("Api")) ? outer : null;
    }
}
