package io.tandem.app.admin;

import static io.tandem.app.security.WebSliceSecurity.REP_ID;
import static io.tandem.app.security.WebSliceSecurity.admin;
import static io.tandem.app.security.WebSliceSecurity.manager;
import static io.tandem.app.security.WebSliceSecurity.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.tandem.app.security.WebSliceSecurity;
import io.tandem.app.web.WebSliceTest;
import io.tandem.domain.users.AppUserRepository;
import io.tandem.domain.users.UserRole;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

@WebSliceTest(AdminController.class)
class AdminWebTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    AppUserRepository users;
    @MockitoBean
    UserAdministration administration;

    private MockMvcRequestBuilder createRep() {
        return mvc.post().uri("/admin/users").param("username", "newbie").param("role", "REP").param("rep", REP_ID);
    }

    @Test
    void adminSeesTheUsersWithCsrfProtectedForms() {
        given(users.findAllWithRep()).willReturn(LongStream.of(1, 2, 3)
                .mapToObj(id -> WebSliceSecurity.account(id).orElseThrow()).toList());

        assertThat(mvc.get().uri("/admin").with(admin()))
                .hasStatusOk()
                .hasViewName("admin/users")
                .model().containsKeys("users", "reps").containsEntry("roles", UserRole.values());
        // every POST form (two per user, the create form, the layout's sign-out) carries the token
        assertThat(mvc.get().uri("/admin").with(admin())).bodyText().contains("id=\"user-morgan\"")
                .satisfies(html -> assertThat(count(html, "<input type=\"hidden\" name=\"_csrf\""))
                        .isEqualTo(count(html, "method=\"post\"")).isGreaterThanOrEqualTo(2 * 3 + 1));
    }

    @Test
    void managersRepsAndAnonymousCallersAreKeptOut() {
        assertThat(mvc.get().uri("/admin").with(manager())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin").with(rep())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(createRep().with(manager()).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
        then(administration).shouldHaveNoInteractions();
    }

    @Test
    void formPostWithoutCsrfTokenIs403AndCreatesNobody() {
        assertThat(createRep().with(admin())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(createRep().with(admin()).with(csrf().useInvalidToken())).hasStatus(HttpStatus.FORBIDDEN);
        then(administration).shouldHaveNoInteractions();
    }

    @Test
    void formPostWithCsrfTokenCreatesTheUserAndReturnsToTheList() {
        given(administration.create("newbie", UserRole.REP, REP_ID)).willReturn("one-time-pw");

        assertThat(createRep().with(admin()).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/admin")
                .flash().containsKey("message");
        then(administration).should().create("newbie", UserRole.REP, REP_ID);
    }

    @Test
    void unknownRoleIs400() {
        assertThat(mvc.post().uri("/admin/users").param("username", "newbie").param("role", "BOSS")
                .with(admin()).with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        then(administration).shouldHaveNoInteractions();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
